/** What export-bib does with the AAS journal macros (light: the CLI's option table reads it). */
export type JournalMacroMode = 'keep' | 'expand';
export const JOURNAL_MACRO_MODES: readonly JournalMacroMode[] = ['keep', 'expand'];
