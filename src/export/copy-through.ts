/**
 * What export-bib keeps as the owner wrote it: the store's `@string` and `@preamble` blocks (a `\noopsort` defined in
 * a preamble, a journal macro), and an entry it cannot clean, rebuilt from its own field texts (comments inside it
 * left out, since bibtex does not know them). Nothing is copied that holds a TeX command reaching files, the shell or
 * the macro table. Pure.
 */
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import { commandPattern, controlCharacterAt, FILE_AND_SHELL_COMMANDS } from '../store/field-text.js';
import { LineIndex } from '../store/lines.js';
import type { ScanResult } from '../model/syntax.js';

const DANGEROUS = commandPattern(FILE_AND_SHELL_COMMANDS);

function refusal(text: string): string | undefined {
  const command = DANGEROUS.exec(text);
  if (command) return `it uses \\${command[1]}, which reaches files, the shell or the document's set-up`;
  if (controlCharacterAt(text) !== -1) return 'it holds a control character';
  return undefined;
}

/** The entry as written (its fields' own texts), or why it cannot be copied. */
export function copiedAsWritten(entry: BibEntry, source: string): { text?: string; why?: string } {
  const raw = entry.raw;
  const fields = raw.fields.map(
    (f) => `  ${source.slice(f.nameSpan.start, f.nameSpan.end)} = ${source.slice(f.valueSpan.start, f.valueSpan.end)}`,
  );
  const text = `@${source.slice(raw.typeSpan.start, raw.typeSpan.end)}{${raw.key},\n${fields.join(',\n')}\n}\n`;
  const why = refusal(text);
  return why ? { why } : { text };
}

/** The store's `@string` and `@preamble` blocks, each as written, and a problem for any that cannot be kept. */
export function keptBlocks(scan: ScanResult, file: string): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const kept: string[] = [];
  let lines: LineIndex | undefined;
  for (const block of scan.blocks) {
    if (block.kind !== 'string' && block.kind !== 'preamble') continue;
    const text = scan.source.slice(block.span.start, block.span.end);
    const why = refusal(text);
    if (why) {
      lines ??= new LineIndex(scan.source);
      problems.push({
        severity: 'error',
        code: 'unsafe-value',
        message: `this @${block.kind} is left out: ${why}`,
        file,
        line: lines.line(block.span.start),
      });
    } else kept.push(text);
  }
  return { text: kept.length > 0 ? `${kept.join('\n')}\n\n` : '', problems };
}
