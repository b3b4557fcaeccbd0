/**
 * The outline scan: store/scan.ts's scanner, its grammar, blocks and problems, without building the entries' fields
 * (a fifth of a full scan), and one entry read whole where the outline found it.
 */
import type { Block, RawEntry } from '../model/syntax.js';
import { Scanner } from './scan.js';

/** An entry as the outline scan finds it: where it is and what it is called, its fields not yet read. */
export type EntryOutline = Omit<RawEntry, 'fields'>;

/** The blocks of a store with its entries in outline (@string and @preamble blocks whole). */
export interface ScanOutline {
  readonly source: string;
  readonly blocks: readonly (Exclude<Block, RawEntry> | EntryOutline)[];
}

/**
 * The same scan as scanBibtex, the same grammar, blocks and problems, without building the entries' fields: a
 * store's blocks in a fraction of the time, for a run that needs the fields of a few entries (scanEntryAt reads them).
 */
export function scanOutline(source: string): ScanOutline {
  const scanner = new Scanner(source);
  scanner.outlineOnly();
  return scanner.run();
}

/** The entry the outline scan found at `at`, with its fields (as scanBibtex reads it). */
export function scanEntryAt(source: string, at: number): RawEntry {
  return new Scanner(source).entryAt(at);
}
