/**
 * A store in outline: its blocks, @strings and syntax problems, and each entry's place, name and type, without its
 * fields (store/scan.ts's outline scan, a fifth of a full parse). A run that needs the fields of a few entries only (a
 * list after one edit, whose other entries are cached records) reads those with `readEntryAt`; its problems are the
 * full parse's when each entry's own problems are supplied (a cache of them, or reading the entry). Pure.
 */
import type { Problem } from '../model/problems.js';
import { controlCharacterAt } from './field-text.js';
import { readEntryFields, type EntryReading } from './entry-fields.js';
import { LineIndex } from './lines.js';
import { addEntryProblems, defineString, syntaxProblemOf } from './parse.js';
import { scanEntryAt, scanOutline, type ScanOutline } from './scan-outline.js';
import type { Span } from '../model/syntax.js';

/** An entry of the outline. */
export interface OutlineEntry {
  readonly key: string;
  readonly type: string;
  /** 1-based line of its `@`. */
  readonly line: number;
  /** Its position among the store's entries, 0-based. */
  readonly index: number;
  readonly span: Span;
  /** How many @string definitions come before it (its values are read with those). */
  readonly definedBefore: number;
}

export interface StoreOutline {
  readonly file: string;
  readonly scan: ScanOutline;
  readonly entries: readonly OutlineEntry[];
  /** The @strings as the file ends. */
  readonly strings: ReadonlyMap<string, string>;
  /** Every @string definition, in the file's order. */
  readonly definitions: readonly (readonly [string, string])[];
  /** True when every entry parsed. */
  readonly lossless: boolean;
  /** The problems of blocks other than entries, each with the number of entries before it. */
  readonly blockProblems: readonly { readonly entriesBefore: number; readonly problem: Problem }[];
  readonly lines: LineIndex;
}

export function outlineStore(source: string, file = '<input>'): StoreOutline {
  return outlineOf(scanOutline(source), file);
}

/** The outline of a store from its outline scan (scanOutline, or store/rescan.ts after an edit). */
export function outlineOf(scan: ScanOutline, file = '<input>'): StoreOutline {
  const source = scan.source;
  const lines = new LineIndex(source);
  const strings = new Map<string, string>();
  const definitions: [string, string][] = [];
  const entries: OutlineEntry[] = [];
  const blockProblems: { entriesBefore: number; problem: Problem }[] = [];
  let lossless = true;
  for (const block of scan.blocks) {
    if (block.kind === 'broken') {
      lossless = false;
      blockProblems.push({ entriesBefore: entries.length, problem: syntaxProblemOf(block, file) });
    } else if (block.kind === 'string') {
      for (const problem of defineString(block, strings, lines, file)) {
        blockProblems.push({ entriesBefore: entries.length, problem });
      }
      definitions.push([block.field.name, strings.get(block.field.name) ?? '']);
    } else if (block.kind === 'entry') {
      const { key, type, span } = block;
      const line = lines.line(span.start);
      entries.push({ key, type, line, index: entries.length, span, definedBefore: definitions.length });
    }
  }
  return { file, scan, entries, strings, definitions, lossless, blockProblems, lines };
}

/** The entry of the outline at `index`, read whole: as parseStore reads it. */
export function readEntryAt(outline: StoreOutline, index: number): EntryReading {
  const at = outline.entries[index];
  if (!at) throw new RangeError(`the store has no entry ${index}`);
  const { source } = outline.scan;
  const strings = new Map(outline.definitions.slice(0, at.definedBefore));
  const raw = scanEntryAt(source, at.span.start);
  return readEntryFields(raw, index, {
    source,
    file: outline.file,
    lines: outline.lines,
    strings,
    // a control character can reach the entry's values only from its own text or the @strings it reads (searching
    // the whole file was 10 ms of 10,000 entries)
    hasControls:
      controlCharacterAt(source.slice(at.span.start, at.span.end)) !== -1 ||
      [...strings.values()].some((value) => controlCharacterAt(value) !== -1),
  });
}

/** The store's problems, in parseStore's order, from each entry's own problems. */
export function outlineProblems(
  outline: StoreOutline,
  entryProblems: (index: number) => readonly Problem[],
): Problem[] {
  const problems: Problem[] = [];
  const controlWarned = new Set<string>();
  let next = 0;
  const blocksBefore = (count: number): void => {
    for (; next < outline.blockProblems.length; next++) {
      const at = outline.blockProblems[next];
      if (!at || at.entriesBefore > count) return;
      problems.push(at.problem);
    }
  };
  for (const entry of outline.entries) {
    blocksBefore(entry.index);
    addEntryProblems(problems, entryProblems(entry.index), controlWarned);
  }
  blocksBefore(outline.entries.length);
  return problems;
}

/**
 * What an entry's reading depends on besides its own text: the text of every @string and @preamble block, and how
 * many @strings come before the entry (a value reads only those). `text` is shared by the store's entries.
 */
export function definitionsContext(scan: ScanOutline): { readonly text: string; readonly definedBefore: number[] } {
  const parts: string[] = [];
  const definedBefore: number[] = [];
  let strings = 0;
  for (const block of scan.blocks) {
    if (block.kind === 'string') strings++;
    if (block.kind === 'string' || block.kind === 'preamble') {
      parts.push(scan.source.slice(block.span.start, block.span.end));
    } else if (block.kind === 'entry') definedBefore.push(strings);
  }
  return { text: parts.join('\u0000'), definedBefore };
}
