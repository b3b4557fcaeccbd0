/**
 * Rendering the prepared items of a list, fast: entries already rendered are taken from a cache, and the others are
 * split across worker threads, when the style renders entries independently (see csl/style-traits.ts). Any other
 * style is rendered in one citeproc-js run, as before. The output is the same whichever path produced it (tested).
 */
import { keyerFor } from '../digest.js';
import { engineFor, type RenderFailure, type RenderOutcome } from '../csl/engine.js';
import { rendersEntriesIndependently } from '../csl/style-traits.js';
import type { PreparedList } from './list.js';
import { renderContext } from './render-key.js';
import type { WorkerPool } from './worker-pool.js';
import { renderInChunks } from './chunks.js';

export { CHUNK, renderInChunks } from './chunks.js';

export interface IrCache {
  get(key: string): string | undefined;
  set(key: string, ir: string): void;
}

export interface RenderItemsOptions {
  readonly cache?: IrCache;
  /** Worker threads to share the work with; without, everything is rendered here. */
  readonly pool?: WorkerPool;
  /** Fewer entries to render than this are rendered here: starting a worker costs more than it saves. */
  readonly parallelFrom?: number;
}

export async function renderItems(prepared: PreparedList, options: RenderItemsOptions): Promise<RenderOutcome> {
  const { style, locale } = prepared.options;
  const items = prepared.citeprocItems;
  if (!rendersEntriesIndependently(style.xml, style.disambiguate)) return engineFor(style, locale).render(items);

  const context = renderContext(prepared.options);
  const key = keyerFor(items.length);
  const keys = items.map((item) => key(`${context}\u0000${JSON.stringify(item)}`));
  const entries: Array<string | undefined> = keys.map((key) => options.cache?.get(key));
  const missing = entries.flatMap((ir, i) => (ir === undefined ? [i] : []));
  const failures: RenderFailure[] = [];

  if (missing.length > 0) {
    const todo = missing.map((i) => items[i] as { readonly id: string });
    const rendered = await renderMissing(todo, prepared, options);
    failures.push(...rendered.failures);
    missing.forEach((index, j) => {
      const ir = rendered.entries[j] ?? '';
      entries[index] = ir;
      if (ir !== '' && !rendered.failures.some((f) => f.id === items[index]?.id))
        options.cache?.set(keys[index] as string, ir);
    });
  }
  return { entries: entries.map((e) => e ?? ''), failures };
}

async function renderMissing(
  todo: ReadonlyArray<{ readonly id: string }>,
  prepared: PreparedList,
  options: RenderItemsOptions,
): Promise<RenderOutcome> {
  const { style, locale } = prepared.options;
  const engine = engineFor(style, locale);
  const pool = options.pool;
  if (!pool || todo.length < (options.parallelFrom ?? 300)) return renderInChunks(engine, todo);
  // this thread takes the first share; each worker one of the others
  const share = Math.ceil(todo.length / (pool.size + 1));
  const chunks = Array.from({ length: pool.size }, (_, w) => todo.slice(share * (w + 1), share * (w + 2)));
  const pending = chunks.map((chunk, w) =>
    chunk.length === 0
      ? Promise.resolve({ entries: [], failures: [] })
      : pool.render(w, { style, lang: locale, items: chunk, chunked: true }),
  );
  const mine = renderInChunks(engine, todo.slice(0, share));
  const theirs = await Promise.all(pending);
  const outcomes = theirs.map((outcome, w) => outcome ?? renderInChunks(engine, chunks[w] ?? []));
  return {
    entries: [...mine.entries, ...outcomes.flatMap((o) => o.entries)],
    failures: [...mine.failures, ...outcomes.flatMap((o) => o.failures)],
  };
}
