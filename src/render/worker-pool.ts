/**
 * Render workers, started early (before the store is read) so that loading them overlaps the main thread's work.
 * Each worker keeps its citeproc-js engine between requests. A worker that fails hands its request back to the
 * caller, which renders it on its own thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { RenderOutcome } from '../csl/engine.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { RenderRequest, WorkerSetup } from './render-request.js';
import { parsedCslFolder } from '../csl/parsed-csl.js';
import { bundleFile } from '../vendor/load-bundled.js';

export const WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'render-worker.cjs');

/** Old-generation heap of a worker: room for its share of a 10,000-entry list and its citeproc-js engine. */
const WORKER_HEAP_MB = 160;

export class WorkerPool {
  private readonly workers: Worker[];
  /** Workers that failed or exited: their requests are handed back at once. */
  private readonly dead = new Set<number>();
  /** Per worker, the requests sent and not answered, oldest first: a worker answers its messages in order. */
  private readonly waiting: ((outcome: RenderOutcome | undefined) => void)[][];

  private constructor(count: number) {
    // node:worker_threads is loaded here, not at start-up: most runs start no worker
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const setup: WorkerSetup = { parsedCslFolder: parsedCslFolder(), codeCaches: launcherCodeCaches() };
    // a worker's heap is capped so that a 10,000-entry list stays under 500 MiB; one that runs out hands its share back
    this.workers = Array.from(
      { length: count },
      () =>
        new Worker(WORKER_FILE, {
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          // the workers keep and read parsed styles and locales where this thread does
          workerData: setup,
        }),
    );
    this.waiting = this.workers.map(() => []);
    this.workers.forEach((worker, i) => {
      worker.unref();
      const queue = this.waiting[i] as ((outcome: RenderOutcome | undefined) => void)[];
      const failed = (): void => {
        this.dead.add(i);
        for (const resolve of queue.splice(0)) resolve(undefined);
      };
      worker.once('exit', failed);
      worker.once('error', failed);
      worker.on('message', (outcome: RenderOutcome) => {
        queue.shift()?.(outcome);
        // an idle worker does not keep the process alive; one at work does
        if (queue.length === 0) worker.unref();
      });
    });
  }

  /** A pool of `count` workers, or undefined when there are none to start (or no built worker file). */
  static start(count: number): WorkerPool | undefined {
    return count > 0 && existsSync(WORKER_FILE) ? new WorkerPool(count) : undefined;
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Renders on worker `index`; resolves to undefined if the worker failed. Requests to one worker may overlap: it
   * takes them in the order they were sent (a share sent in parts starts the worker on the first part).
   */
  render(index: number, request: RenderRequest): Promise<RenderOutcome | undefined> {
    const worker = this.workers[index];
    const queue = this.waiting[index];
    if (!worker || !queue || this.dead.has(index)) return Promise.resolve(undefined);
    worker.ref();
    return new Promise((resolve) => {
      queue.push(resolve);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The launcher's code cache of citeproc-js, the bundle a worker loads, when the launcher runs and has one. */
function launcherCodeCaches(): Record<string, Uint8Array> | undefined {
  const file = bundleFile('citeproc');
  const cache = globalThis.__bibfolioCodeCacheOf?.(file);
  return cache ? { [file]: cache } : undefined;
}
