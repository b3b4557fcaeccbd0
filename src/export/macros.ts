/**
 * The commands an export may keep because the document will know them: the AAS journal macros (with a note that
 * the document needs them), the commands the store's own `@preamble` defines (the preamble is exported with the
 * entries), and the sorting macros (`\noopsort{…}`), for which the export writes the usual definition when the
 * store has none, so that no document stops on an undefined command.
 */
import { DEFAULT_MACROS, preambleMacros } from '../conventions/preamble-macros.js';
import { journalMacrosIn as macrosIn } from '../conventions/journal-macros.js';
import type { Problem } from '../model/problems.js';
import type { ScanResult } from '../store/syntax.js';
import { resolveValue } from '../store/values.js';

export const SORTING_COMMANDS: readonly string[] = [...DEFAULT_MACROS.keys()];

function preambleTexts(scan: ScanResult | undefined): string[] {
  if (!scan) return [];
  return scan.blocks.flatMap((b) => (b.kind === 'preamble' ? [resolveValue(b.parts, new Map()).text] : []));
}

/** The commands the store's `@preamble` blocks define (beyond the sorting macros). */
export function preambleCommands(scan: ScanResult | undefined): string[] {
  const texts = preambleTexts(scan);
  if (texts.length === 0) return [];
  return [...preambleMacros(texts).keys()].filter((name) => !DEFAULT_MACROS.has(name));
}

/** A `@preamble` defining the sorting macros the exported entries use and the store's preamble does not define. */
export function sortingMacroPreamble(exported: string, scan: ScanResult | undefined): string {
  const texts = preambleTexts(scan).join('\n');
  const needed = SORTING_COMMANDS.filter(
    (name) =>
      new RegExp(`\\\\${name}(?![A-Za-z])`).test(exported) && !new RegExp(`\\\\${name}(?![A-Za-z])`).test(texts),
  );
  if (needed.length === 0) return '';
  const definitions = needed.map((name) => `\\providecommand{\\${name}}[1]{}`).join(' ');
  return `@preamble{ "${definitions}" }\n\n`;
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
    message: `the export keeps the AAS journal macros ${macros.map((m) => `\\${m}`).join(', ')}: the document needs \\usepackage{aas_macros} (or an AAS, MNRAS or A&A class); --journal-macros expand writes the journals' abbreviations instead`,
    file,
  };
}
