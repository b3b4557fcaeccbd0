/**
 * What the list commands share: the store loaded (through the item cache), lists rendered (through the IR cache and
 * worker threads), and the caches saved at the end. `--no-cache` and `--jobs 0` turn the speed-ups off.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { CslItem } from '../csl/types.js';
import { nameChangesOf } from '../model/config.js';
import type { Publications } from '../publications.js';
import { finishList, prepareList, type ListOptions, type RenderedList } from '../render/list.js';
import { renderItems } from '../render/render-items.js';
import { WorkerPool } from '../render/worker-pool.js';
import { VERSION } from '../version.js';
import type { Context } from './context.js';
import type { Io } from './io.js';
import { JsonFileCache } from './json-cache.js';
import { loadPublications } from './load.js';

export interface SessionFlags {
  /** false with --no-cache */
  readonly cache?: boolean;
  readonly jobs?: number;
}

/** About 150 entries: below that, starting a worker costs more than it saves. */
const PARALLEL_STORE_BYTES = 64 * 1024;

function storeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function defaultJobs(): number {
  return Math.min(3, Math.max(0, availableParallelism() - 1));
}

export class ListSession {
  private readonly items: JsonFileCache<CslItem> | undefined;
  private readonly irs: JsonFileCache<string> | undefined;
  private readonly pool: WorkerPool | undefined;

  constructor(
    private readonly ctx: Context,
    io: Io,
    flags: SessionFlags,
  ) {
    const useCache = flags.cache !== false;
    this.items = useCache ? JsonFileCache.forStore<CslItem>(io.env, 'items', ctx.storePath) : undefined;
    this.irs = useCache ? JsonFileCache.forStore<string>(io.env, 'render', ctx.storePath) : undefined;
    // workers start now, while this thread reads and maps the store; only for stores long enough to need them
    const jobs = flags.jobs ?? defaultJobs();
    this.pool = jobs > 0 && storeSize(ctx.storePath) >= PARALLEL_STORE_BYTES ? WorkerPool.start(jobs) : undefined;
  }

  load(): Publications {
    return loadPublications(this.ctx, this.items ? { cache: this.items, cacheContext: `${VERSION}\u0000${JSON.stringify(this.ctx.config.nameChanges)}` } : {});
  }

  async render(items: readonly CslItem[], options: ListOptions): Promise<RenderedList> {
    const prepared = prepareList(items, options);
    if (options.format === 'json') return finishList(prepared, { entries: [], failures: [] });
    const outcome = await renderItems(prepared, { ...(this.pool ? { pool: this.pool } : {}), ...(this.irs ? { cache: this.irs } : {}) });
    return finishList(prepared, outcome);
  }

  /** Saves the caches and stops the workers. */
  async close(): Promise<void> {
    this.items?.save();
    this.irs?.save();
    await this.pool?.close();
  }
}
