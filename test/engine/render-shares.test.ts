/**
 * Pieces of a list shared by this thread and the workers (engine/render-shares.ts, render/worker-pool.ts): the
 * pieces are handed over each once, at their place in the order of the entries, rendered the same with and without
 * workers;
 * requests overlapping on one worker are answered in order, each with its own outcome; a worker that fails with
 * requests waiting answers them all with undefined, so their pieces are rendered here; and a worker is kept three
 * pieces ahead while the pieces are whole chunks, two near the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { renderInShares, type RenderedShare } from '../../src/engine/render-shares.js';
import { publicationsOf } from '../../src/pipeline.js';
import { CHUNK } from '../../src/render/chunks.js';
import { WorkerPool } from '../../src/render/worker-pool.js';
import { parseStore } from '../../src/store/parse.js';
import { generateStore } from '../../scripts/generate-store.mjs';
import { testListOptions } from '../helpers.js';

const store = parseStore(generateStore(900, 5), 'generated.bib');
const pool = WorkerPool.start(2);
afterAll(async () => {
  await pool?.close();
});

/** The embedded config's list options (cv, Joe Benton, ungrouped), in Markdown. */
const options = testListOptions('markdown');

const map = async (entries: readonly (typeof store.entries)[number][]) => publicationsOf({ ...store, entries });

/** Every piece, at its place. */
async function pieces(workers: WorkerPool | undefined): Promise<RenderedShare[]> {
  const shares: RenderedShare[] = [];
  await renderInShares(store.entries, map, options, workers, (share, place) => {
    expect(shares[place]).toBeUndefined();
    shares[place] = share;
  });
  expect(Object.keys(shares)).toHaveLength(shares.length);
  return shares;
}

describe('a list rendered in pieces', () => {
  it('gives the pieces in the order of the entries, and the same with and without workers', async () => {
    const alone = await pieces(undefined);
    const shared = await pieces(pool);
    for (const shares of [alone, shared]) {
      expect(shares.length).toBeGreaterThan(3);
      // each piece is a run of consecutive entries (a piece's own order is the list's)
      const indexes = shares.flatMap((s) => s.prepared.ordered.map((item) => item.custom.index).sort((a, b) => a - b));
      expect(indexes).toEqual(store.entries.map((_, i) => i));
      expect(shares.every((s) => s.outcome.entries.every((ir) => ir.length > 0))).toBe(true);
    }
    // every entry rendered the same, whichever thread and piece it fell to
    const byEntry = (shares: typeof alone): Map<string, string | undefined> =>
      new Map(shares.flatMap((s) => s.prepared.ordered.map((item, i) => [item.id, s.outcome.entries[i]] as const)));
    expect(byEntry(shared)).toEqual(byEntry(alone));
    expect(byEntry(alone).size).toBe(store.entries.length);
    expect(shared.flatMap((s) => s.outcome.entries).join('\n')).toContain('Benton');
  }, 120_000);

  it('answers requests that overlap on one worker in order, each with its own outcome', async () => {
    const one = WorkerPool.start(1);
    expect(one).toBeDefined();
    const items = publicationsOf({ ...store, entries: store.entries.slice(0, 30) }).items;
    const requests = [items.slice(0, 10), items.slice(10, 12), items.slice(12, 30)].map((part) =>
      one?.render(0, { style: options.style, lang: 'en-US', items: part, chunked: true }),
    );
    const outcomes = await Promise.all(requests);
    expect(outcomes.map((o) => o?.entries.length)).toEqual([10, 2, 18]);
    expect(outcomes[1]?.entries[0]).toContain(items[10]?.title?.slice(0, 12) ?? '?');
    await one?.close();
  }, 60_000);

  it('answers every waiting request with undefined when its worker is gone', async () => {
    const one = WorkerPool.start(1);
    const items = publicationsOf({ ...store, entries: store.entries.slice(0, 200) }).items;
    const waiting = [0, 1, 2].map(() => one?.render(0, { style: options.style, lang: 'en-US', items, chunked: true }));
    await one?.close();
    expect(await Promise.all(waiting)).toEqual([undefined, undefined, undefined]);
  }, 60_000);

  it('keeps a worker three pieces ahead while the pieces are whole chunks, and two near the end', async () => {
    // a worker that answers each piece on the next turn of the event loop, and records how many pieces it holds
    const long = parseStore(generateStore(2000, 7), 'long.bib');
    const held: { left: number; holding: number }[] = [];
    let holding = 0;
    let sent = 0;
    const worker = {
      size: 1,
      render: (_: number, request: { items: readonly unknown[] }) => {
        holding++;
        sent += request.items.length;
        held.push({ left: long.entries.length - sent, holding });
        return new Promise((resolve) =>
          setImmediate(() => {
            holding--;
            resolve({ entries: request.items.map(() => 'rendered by the worker'), failures: [] });
          }),
        );
      },
    } as unknown as WorkerPool;
    const mapLong = async (entries: readonly (typeof long.entries)[number][]) => publicationsOf({ ...long, entries });
    let rendered = 0;
    await renderInShares(long.entries, mapLong, options, worker, (share) => {
      rendered += share.prepared.ordered.length;
    });
    expect(rendered).toBe(long.entries.length);
    // with one worker, two threads: whole chunks while 2 x 3 x CHUNK entries or more are left
    const whole = 2 * 3 * CHUNK;
    expect(held.some((h) => h.holding === 3)).toBe(true);
    expect(held.every((h) => h.holding <= 3)).toBe(true);
    // a third piece is sent only while the pieces are whole (the place it was cut from had `whole` or more left)
    for (const h of held.filter((x) => x.holding === 3)) expect(h.left + CHUNK).toBeGreaterThanOrEqual(whole);
    expect(held.filter((h) => h.left < whole - CHUNK).every((h) => h.holding <= 2)).toBe(true);
  }, 120_000);
});
