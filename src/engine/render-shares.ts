/**
 * Entries without a record, mapped and rendered in shares: one per worker and one for this thread. The workers'
 * shares are mapped first and handed over at once, so that they render while this thread maps its own; before, the
 * workers waited for the whole store to be mapped (1.5 s of a 10,000-entry list). Each share is prepared as a list
 * of its own: entries of an independent style render the same in any list (see csl/prepare-style.ts).
 */
import { engineFor, type RenderOutcome } from '../csl/engine.js';
import type { BibEntry } from '../model/entry.js';
import type { Publications } from '../pipeline.js';
import { renderInChunks } from '../render/chunks.js';
import { prepareList, type ListOptions, type PreparedList } from '../render/list.js';
import type { WorkerPool } from '../render/worker-pool.js';

export interface RenderedShare {
  readonly prepared: PreparedList;
  readonly outcome: RenderOutcome;
}

export async function renderInShares(
  entries: readonly BibEntry[],
  map: (entries: readonly BibEntry[]) => Promise<Publications>,
  options: ListOptions,
  pool: WorkerPool | undefined,
): Promise<RenderedShare[]> {
  const { style, locale } = options;
  const count = pool ? pool.size + 1 : 1;
  const size = Math.ceil(entries.length / count);
  const shares = Array.from({ length: count }, (_, i) => entries.slice(size * i, size * (i + 1)));
  const pending: Promise<RenderedShare>[] = [];
  for (let w = 1; w < shares.length; w++) {
    const share = shares[w] as BibEntry[];
    if (share.length === 0) continue;
    const prepared = prepareList((await map(share)).items, options);
    const items = prepared.citeprocItems;
    pending.push(
      (pool as WorkerPool)
        .render(w - 1, { style, lang: locale, items, chunked: true })
        // a worker that failed hands its share back: rendered here
        .then((outcome) => ({ prepared, outcome: outcome ?? renderInChunks(engineFor(style, locale), items) })),
    );
  }
  const mine = prepareList((await map(shares[0] as BibEntry[])).items, options);
  const own = { prepared: mine, outcome: renderInChunks(engineFor(style, locale), mine.citeprocItems) };
  return [own, ...(await Promise.all(pending))];
}
