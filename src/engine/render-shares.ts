/**
 * Entries without a record, mapped and rendered in pieces by this thread and the workers, each piece prepared as a
 * list of its own (entries of an independent style render the same in any list: see csl/prepare-style.ts). This
 * thread maps every piece; it keeps each worker two or three pieces ahead and renders a piece itself only when every
 * worker has work waiting, and hands each rendered piece on at once. So a worker starts once the first piece is
 * mapped, not once its whole share is, and no thread waits for another at the end longer than one piece takes: with
 * one worker, equal halves left the worker idle for the 1.7 s this thread took to map a 10,000-entry list, while this
 * thread rendered its half after mapping.
 */
import { engineFor, type RenderOutcome } from '../csl/engine.js';
import type { BibEntry } from '../model/entry.js';
import type { Publications } from '../pipeline.js';
import { CHUNK, renderInChunks } from '../render/chunks.js';
import { prepareList, type ListOptions, type PreparedList } from '../render/list.js';
import type { WorkerPool } from '../render/worker-pool.js';

export interface RenderedShare {
  readonly prepared: PreparedList;
  readonly outcome: RenderOutcome;
}

/**
 * Pieces a worker is given ahead of what it is rendering, so that it never waits for this thread: three while the
 * pieces are whole chunks (in a long list this thread's own piece, with the mapping of the worker's next ones and a
 * collection of its heap, outlasts two of the worker's: 0.6 s of a worker's 5.3 s idle in a profile of 10,000
 * entries), two near the end, where a longer queue would leave this thread waiting for the worker's last pieces.
 */
const ahead = (left: number, threads: number): number => (left >= threads * 3 * CHUNK ? 3 : 2);
/** The smallest piece: a piece costs a message, a mapping call and an engine run of its own. */
const SMALLEST = 50;
/** The first piece: small, so that the first worker starts rendering soon. */
const FIRST = 100;

/**
 * Renders every entry; each piece is handed to `done` as soon as it is rendered, with its place among the pieces (in
 * the order of `entries`), so that the caller keeps what it needs and the rest of the piece is freed at once.
 */
export async function renderInShares(
  entries: readonly BibEntry[],
  map: (entries: readonly BibEntry[]) => Promise<Publications>,
  options: ListOptions,
  pool: WorkerPool | undefined,
  done: (share: RenderedShare, place: number) => void,
): Promise<void> {
  const { style, locale } = options;
  const threads = (pool?.size ?? 0) + 1;
  let next = 0;
  // pieces shrink as the end nears (a third of what is left per thread, at most a chunk): whichever thread renders
  // the last one, the others wait for it briefly
  const take = async (): Promise<PreparedList> => {
    const left = entries.length - next;
    const size = next === 0 ? FIRST : Math.max(SMALLEST, Math.min(CHUNK, Math.ceil(left / (threads * 3))));
    const piece = entries.slice(next, (next += size));
    return prepareList((await map(piece)).items, options);
  };
  const here = (prepared: PreparedList): RenderedShare => ({
    prepared,
    outcome: renderInChunks(engineFor(style, locale), prepared.citeprocItems),
  });

  const pending: Promise<void>[] = [];
  let places = 0;
  const given = Array.from({ length: pool?.size ?? 0 }, () => 0);
  while (next < entries.length) {
    // each worker two or three pieces ahead
    for (let w = 0; w < given.length && next < entries.length; w++) {
      while ((given[w] as number) < ahead(entries.length - next, threads) && next < entries.length) {
        const prepared = await take();
        const place = places++;
        given[w] = (given[w] as number) + 1;
        pending.push(
          (pool as WorkerPool)
            .render(w, { style, lang: locale, items: prepared.citeprocItems, chunked: true })
            .then((outcome) => {
              given[w] = (given[w] as number) - 1;
              // a worker that failed hands its piece back: rendered here
              done(outcome ? { prepared, outcome } : here(prepared), place);
            }),
        );
      }
    }
    if (next >= entries.length) break;
    // every worker has work waiting: a piece here, then the workers' answers are read
    done(here(await take()), places++);
    if (given.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(pending);
}
