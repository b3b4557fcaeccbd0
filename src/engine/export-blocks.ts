/**
 * export-bib's blocks kept between runs: each entry's exported text and what was said about it, in the user's cache
 * folder, keyed by a hash of the entry's content (see RenderSession's content keys), the target and the owner. An
 * entry that names others (`crossref`, `xdata`) is exported afresh every run, and an entry whose mapping said
 * anything is not kept, so that a run from the cache prints what a run without it prints.
 */
import { digest } from '../digest.js';
import type { ExportBlockCache, ExportedBlock, ExportOptions } from '../export/export.js';
import type { BibEntry } from '../model/entry.js';
import type { JsonFileCache } from './json-cache.js';

export class ExportBlocks implements ExportBlockCache {
  private readonly keyOf: ReadonlyMap<number, string>;
  /** Keys of entries whose mapping reported problems this run: not kept. */
  private readonly troubled = new Set<string>();

  constructor(
    entries: readonly BibEntry[],
    contentKeys: readonly string[],
    private readonly cache: JsonFileCache<ExportedBlock>,
    options: Pick<ExportOptions, 'target' | 'owner' | 'journalMacros'>,
  ) {
    // the content keys hold the rest an entry's block depends on: its text, the store's @string and @preamble blocks
    const context = digest(
      JSON.stringify([options.target, options.owner?.forms ?? null, options.journalMacros ?? 'keep']),
    );
    this.keyOf = new Map(entries.map((e, i) => [e.index, digest(`${context}\u0000${contentKeys[i] ?? ''}`)]));
  }

  get(entry: BibEntry): ExportedBlock | undefined {
    const key = this.keyOf.get(entry.index);
    return key === undefined ? undefined : this.cache.get(key);
  }

  set(entry: BibEntry, block: ExportedBlock): void {
    const key = this.keyOf.get(entry.index);
    if (key !== undefined && !this.troubled.has(entry.key)) this.cache.set(key, block);
  }

  /** Entries the mapping said something about: their blocks are not kept, so that it is said again next run. */
  leaveOut(keys: Iterable<string>): void {
    for (const key of keys) this.troubled.add(key);
  }
}
