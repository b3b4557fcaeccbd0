/** From .bib text to entries: scan losslessly, resolve values, and report problems as data. Pure. */
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import { controlCharacterAt } from './field-text.js';
import { readEntryFields, undefinedStrings, type EntryContext } from './entry-fields.js';
import { LineIndex } from './lines.js';
import { scanBibtex } from './scan.js';
import type { BrokenBlock, ScanResult, StringBlock } from '../model/syntax.js';
import { resolveValue } from './values.js';

export interface ParsedStore {
  readonly file: string;
  readonly scan: ScanResult;
  readonly entries: readonly BibEntry[];
  readonly strings: ReadonlyMap<string, string>;
  readonly problems: readonly Problem[];
  /** True when every entry parsed, so the file may be rewritten by span edits. */
  readonly lossless: boolean;
  /** The encoding the bytes were read in (utf-8 unless named): edits are written back in it. */
  readonly encoding?: string;
}

export function parseStore(source: string, file = '<input>'): ParsedStore {
  return parseStoreByEntry(source, file).store;
}

/**
 * parseStore, and each entry's own problems (in `store.problems` too), for a cache of them (engine/session-store.ts).
 */
export function parseStoreByEntry(
  source: string,
  file = '<input>',
): { store: ParsedStore; entryProblems: (readonly Problem[])[] } {
  const scan = scanBibtex(source);
  const lines = new LineIndex(source);
  const problems: Problem[] = [];
  const strings = new Map<string, string>();
  const entries: BibEntry[] = [];
  const entryProblems: (readonly Problem[])[] = [];
  const controlWarned = new Set<string>();
  // one search of the whole text, so that a clean store (nearly all) pays nothing per value
  const context: EntryContext = { source, file, lines, strings, hasControls: controlCharacterAt(source) !== -1 };
  let lossless = true;

  for (const block of scan.blocks) {
    switch (block.kind) {
      case 'broken':
        lossless = false;
        problems.push(syntaxProblemOf(block, file));
        break;
      case 'string':
        problems.push(...defineString(block, strings, lines, file));
        break;
      case 'entry': {
        const read = readEntryFields(block, entries.length, context);
        entries.push(read.entry);
        entryProblems.push(read.problems);
        addEntryProblems(problems, read.problems, controlWarned);
        break;
      }
      default:
        break;
    }
  }
  return { store: { file, scan, entries, strings, problems, lossless }, entryProblems };
}

/** A broken block as the error the user reads. */
export function syntaxProblemOf(block: BrokenBlock, file: string): Problem {
  const p = block.problem;
  return {
    severity: 'error',
    code: 'syntax',
    message:
      p.line === p.entryLine
        ? `${p.message} (the entry was skipped)`
        : `${p.message} (the entry starting on line ${p.entryLine} was skipped)`,
    file,
    line: p.line,
    column: p.column,
    snippet: p.snippet,
    ...(p.key !== undefined ? { key: p.key } : {}),
  };
}

/** Defines a @string in `strings` (its value read with the strings defined before it); its problems. */
export function defineString(
  block: StringBlock,
  strings: Map<string, string>,
  lines: LineIndex,
  file: string,
): Problem[] {
  const value = resolveValue(block.field.parts, strings);
  strings.set(block.field.name, value.text);
  return undefinedStrings(value.undefinedMacros, file, lines.line(block.span.start), undefined);
}

/**
 * Adds an entry's problems to the store's: a control character in a value is said once per key, not again for a
 * second entry with the same key.
 */
export function addEntryProblems(problems: Problem[], entry: readonly Problem[], controlWarned: Set<string>): void {
  for (const problem of entry) {
    const valueControl = problem.code === 'control-character' && problem.severity === 'warning';
    if (valueControl && problem.key !== undefined) {
      if (controlWarned.has(problem.key)) continue;
      controlWarned.add(problem.key);
    }
    problems.push(problem);
  }
}
