/**
 * The commands an export may keep because the document will know them: the AAS journal macros, the commands the
 * store's own `@preamble` defines (the preamble is exported with the entries), and the sorting macros
 * (`\noopsort{…}`). The export defines the journal and sorting macros itself (`\providecommand`) when the store
 * does not, so that no document stops on an undefined command.
 */
import { DEFAULT_MACROS, preambleMacros, preambleTexts as textsOf } from '../conventions/preamble-macros.js';
import { AAS_JOURNAL_MACROS, journalMacrosIn as macrosIn } from '../conventions/journal-macros.js';
import type { Problem } from '../model/problems.js';
import type { ScanResult } from '../model/syntax.js';

export const SORTING_COMMANDS: readonly string[] = [...DEFAULT_MACROS.keys()];

function preambleTexts(scan: ScanResult | undefined): string[] {
  return scan ? textsOf(scan) : [];
}

/** The commands the store's `@preamble` blocks define (beyond the sorting macros). */
export function preambleCommands(scan: ScanResult | undefined): string[] {
  const texts = preambleTexts(scan);
  if (texts.length === 0) return [];
  return [...preambleMacros(texts).keys()].filter((name) => !DEFAULT_MACROS.has(name));
}

/**
 * A `@preamble` for the commands the exported entries use and neither the store's preamble nor every document
 * defines: the sorting macros (as nothing) and the kept AAS journal macros (as their abbreviations). Written with
 * `\providecommand`, so a document that loads `aas_macros` (or an AAS, MNRAS or A&A class) keeps its own.
 */
export function definitionsPreamble(
  exported: string,
  scan: ScanResult | undefined,
  journalMacros: readonly string[],
): string {
  const texts = preambleTexts(scan).join('\n');
  const defined = (name: string) => new RegExp(`\\\\${name}(?![A-Za-z])`).test(texts);
  const sorting = SORTING_COMMANDS.filter(
    (name) => new RegExp(`\\\\${name}(?![A-Za-z])`).test(exported) && !defined(name),
  ).map((name) => `\\providecommand{\\${name}}[1]{}`);
  const journals = journalMacros
    .filter((name) => !defined(name))
    .map((name) => `\\providecommand{\\${name}}{${(AAS_JOURNAL_MACROS[name] ?? name).replace(/&/g, '\\&')}}`);
  const definitions = [...sorting, ...journals];
  return definitions.length === 0 ? '' : `@preamble{ "${definitions.join(' ')}" }\n\n`;
}

/** The AAS journal macros an export keeps in its venue fields. */
export function keptJournalMacros(exported: string): string[] {
  const venues = exported.match(/^\s*(?:journal|journaltitle|booktitle|series)\s*=.*$/gim) ?? [];
  return [...new Set(venues.flatMap((line) => macrosIn(line)))].sort();
}

/** One note for the whole export: which journal macros it keeps and what the document needs for them. */
export function journalMacroNote(macros: readonly string[], file: string): Problem {
  return {
    severity: 'warning',
    code: 'journal-macros',
    message: `the export keeps the AAS journal macros ${macros.map((m) => `\\${m}`).join(', ')}, as \\usepackage{aas_macros} and the AAS, MNRAS and A&A classes define them; its @preamble defines them as the abbreviations for any other document; --journal-macros expand writes the abbreviations instead`,
    file,
  };
}
