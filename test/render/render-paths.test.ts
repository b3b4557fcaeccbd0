/**
 * The output is the same whichever path produced it: one citeproc-js run on this thread, the IR cache cold and
 * warm, worker threads, and the CLI with and without its caches.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import { finishList, prepareList, renderList, type ListOptions } from '../../src/render/list.js';
import { renderItems, type IrCache } from '../../src/render/render-items.js';
import { WorkerPool } from '../../src/render/worker-pool.js';
import { generateStore } from '../../scripts/generate-store.mjs';
import { cli, embeddedItems, fixture, itemsOf, JOE } from '../helpers.js';

const generated = itemsOf(generateStore(700, 7), 'generated.bib');
const pool = WorkerPool.start(2);
afterAll(async () => {
  await pool?.close();
});

function options(style: string): ListOptions {
  return {
    format: 'html',
    style: loadStyle(style),
    locale: 'en-US',
    owner: JOE,
    boldOwner: true,
    maxAuthors: 10,
    groupBy: 'year',
    selectedOnly: false,
    linkTitles: true,
    annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
    standalone: false,
  };
}

class MapCache implements IrCache {
  readonly map = new Map<string, string>();
  hits = 0;
  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) this.hits++;
    return v;
  }
  set(key: string, ir: string): void {
    this.map.set(key, ir);
  }
}

describe('render paths', () => {
  it('the built worker exists (npm test builds it first)', () => {
    expect(pool?.size).toBe(2);
  });

  for (const style of ['cv', 'apa', 'vancouver']) {
    it(`${style}: single run, cache cold, cache warm and workers give the same list`, async () => {
      for (const items of [embeddedItems(), generated]) {
        const opts = options(style);
        const reference = renderList(items, opts).output;
        const cache = new MapCache();
        const prepared = prepareList(items, opts);
        const cold = finishList(prepared, await renderItems(prepared, { cache, pool, parallelFrom: 100 })).output;
        const warm = finishList(prepared, await renderItems(prepared, { cache, pool, parallelFrom: 100 })).output;
        const parallel = finishList(prepared, await renderItems(prepared, { pool, parallelFrom: 100 })).output;
        expect(cold).toBe(reference);
        expect(warm).toBe(reference);
        expect(parallel).toBe(reference);
        // numeric styles number entries by position: they are neither cached nor split
        if (style === 'vancouver') expect(cache.map.size).toBe(0);
        else expect(cache.hits).toBe(items.length);
      }
    }, 120_000);
  }

  it('the CLI gives the same output cold, cached, with and without workers, and after one entry changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-paths-'));
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const source = generateStore(700, 11);
    writeFileSync(join(dir, 'store.bib'), source);
    const run = async (...extra: string[]) => {
      const r = await cli(
        ['format', '--bib', 'store.bib', '--to', 'markdown', '--owner', 'Joe Benton', ...extra],
        dir,
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const reference = await run('--no-cache', '--jobs', '0');
    expect(await run('--no-cache', '--jobs', '1')).toBe(reference);
    expect(await run()).toBe(reference); // fills the cache
    expect(await run()).toBe(reference); // from the cache
    writeFileSync(join(dir, 'store.bib'), source.replace('title = {', 'title = {Renamed '));
    const changed = await run();
    expect(changed).toBe(await run('--no-cache', '--jobs', '0'));
    expect(changed).toContain('Renamed ');
  }, 120_000);
});

describe('a worker that fails', () => {
  it('hands its share back, and later requests do not wait for it', async () => {
    const failing = WorkerPool.start(1);
    expect(failing).toBeDefined();
    // a worker that is gone (here: terminated) answers at once with undefined instead of leaving the caller waiting
    await failing?.close();
    const outcome = await failing?.render(0, { style: loadStyle('cv'), lang: 'en-US', items: [] });
    expect(outcome).toBeUndefined();
    // the list is still rendered, on this thread
    const opts = options('cv');
    const prepared = prepareList(generated, opts);
    const fallback = finishList(
      prepared,
      await renderItems(prepared, { ...(failing ? { pool: failing } : {}), parallelFrom: 1 }),
    ).output;
    expect(fallback).toBe(renderList(generated, opts).output);
  }, 120_000);
});

describe('what citeproc-js is given', () => {
  it('carries the undecorated names only for a style that may print a citation label', () => {
    const plain = 'bibfolio-plain-author';
    const cv = prepareList(generated, options('cv'));
    expect(cv.citeprocItems.length).toBe(generated.length);
    for (const item of cv.citeprocItems) expect(item).not.toHaveProperty(plain);
    const labelled = prepareList(generated, {
      ...options('cv'),
      style: { ...loadStyle('cv'), id: 'label', xml: readFileSync(fixture('styles/citation-label.csl'), 'utf8') },
    });
    const withAuthors = labelled.citeprocItems.filter((i) => 'author' in i);
    expect(withAuthors.length).toBeGreaterThan(600);
    for (const item of withAuthors) {
      const byId = generated.find((g) => g.id === item.id);
      expect((item as Record<string, unknown>)[plain]).toEqual(byId?.author);
    }
  });
});
