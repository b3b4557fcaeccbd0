/**
 * A list of an independent style rendered from records: each entry's finished rendering, kept by a key of its content
 * and the list's options (engine/render-session.ts). The entries without a record are mapped and rendered, on the
 * workers too, and each becomes a record; then the list is sorted, grouped and formatted from the records.
 */
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import type { Publications } from '../pipeline.js';
import type { ResolvedEntry } from '../render/document.js';
import type { ListOptions, RenderedList } from '../render/list.js';
import { renderContext } from '../render/render-key.js';
import type { WorkerPool } from '../render/worker-pool.js';
import type { EntryRecord } from './list-from-records.js';
import type { SessionStore } from './session-store.js';

/** Entries left to render from which workers pay for their start (render-items renders fewer on this thread). */
export const PARALLEL_FROM = 300;

/** Where a run finds and leaves entry records: the cache file, or a map for one run. */
export interface RecordStore {
  get(key: string): EntryRecord | undefined;
  set(key: string, record: EntryRecord): void;
}

/** What a list from records needs of its session. */
export interface RecordsSession {
  /** The store as the session reads it: the listed entries, their content keys, an entry read whole. */
  readonly reading: Pick<SessionStore, 'listed' | 'contentKeys' | 'entry'>;
  readonly records: RecordStore;
  /** Maps entries to CSL items (with the session's item cache and problems). */
  map(entries: readonly BibEntry[]): Promise<Publications>;
  /** The session's workers, started when this many entries are left to render. */
  pool(left: number): WorkerPool | undefined;
}

export async function renderFromRecords(options: ListOptions, session: RecordsSession): Promise<RenderedList> {
  const { reading, records } = session;
  const listed = reading.listed;
  // a record's key: the list's context (a digest already), then the entry's content key (one hash of its text)
  const context = renderContext(options);
  const recordKeys = reading.contentKeys().map((k) => context + k);
  const found = recordKeys.map((k) => records.get(k));
  const missing = listed.flatMap((_, i) => (found[i] ? [] : [reading.entry(i)]));
  const problems: Problem[] = [];

  if (missing.length > 0) {
    // map and render only what has no record: every entry counts, selected or not, in one group
    const pool = session.pool(missing.length);
    const { resolveEntries } = await import('../render/list.js');
    const { renderInShares } = await import('./render-shares.js');
    const byIndex = new Map(listed.map((e, i) => [e.index, i]));
    // each piece's problems at its place, so that they come in the order of the entries
    const piecesProblems: Problem[][] = [];
    await renderInShares(
      missing,
      (entries) => session.map(entries),
      { ...options, selectedOnly: false, ownerOnly: false, groupBy: 'none' },
      // a pool started by an earlier list of this session is not worth its messages for a few entries
      missing.length >= PARALLEL_FROM ? pool : undefined,
      ({ prepared, outcome }, place) => {
        const resolved = resolveEntries(prepared, outcome);
        piecesProblems[place] = resolved.problems;
        const failed = new Set(outcome.failures.map((f) => f.id));
        prepared.ordered.forEach((item, j) => {
          const at = byIndex.get(item.custom.index);
          const entry = resolved.entries[j] as ResolvedEntry;
          if (at === undefined) return;
          const record: EntryRecord = {
            id: item.id,
            ir: entry.ir,
            annotations: entry.annotations,
            ...(item.issued ? { issued: item.issued } : {}),
            kind: item.custom.kind,
            selected: item.custom.selected,
            owned: (prepared.decorated[j]?.ownerIndex ?? -1) >= 0,
          };
          found[at] = record;
          if (!failed.has(item.id)) records.set(recordKeys[at] as string, record);
        });
      },
    );
    for (const pieceProblems of piecesProblems) problems.push(...pieceProblems);
  }

  // light: the list's document is built on use
  const { listFromRecords } = await import('./list-from-records.js');
  return listFromRecords(listed, found, options, problems);
}
