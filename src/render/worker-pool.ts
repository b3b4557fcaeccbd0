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

export const WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'render-worker.cjs');

/** Old-generation heap of a worker: room for its share of a 10,000-entry list and its citeproc-js engine. */
const WORKER_HEAP_MB = 160;

export class WorkerPool {
  private readonly workers: Worker[];
  /** Workers that failed or exited: their requests are handed back at once. */
  private readonly dead = new Set<number>();

  private constructor(count: number) {
    // node:worker_threads is loaded here, not at start-up: most runs start no worker
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    // a worker's heap is capped so that a 10,000-entry list stays under 500 MiB; one that runs out hands its share back
    this.workers = Array.from(
      { length: count },
      () =>
        new Worker(WORKER_FILE, {
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          // the workers keep and read parsed styles and locales where this thread does
          workerData: { parsedCslFolder: parsedCslFolder() } satisfies WorkerSetup,
        }),
    );
    this.workers.forEach((worker, i) => {
      worker.unref();
      worker.once('exit', () => this.dead.add(i));
      worker.once('error', () => this.dead.add(i));
    });
  }

  /** A pool of `count` workers, or undefined when there are none to start (or no built worker file). */
  static start(count: number): WorkerPool | undefined {
    return count > 0 && existsSync(WORKER_FILE) ? new WorkerPool(count) : undefined;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Renders on worker `index`; resolves to undefined if the worker failed. */
  render(index: number, request: RenderRequest): Promise<RenderOutcome | undefined> {
    const worker = this.workers[index];
    if (!worker || this.dead.has(index)) return Promise.resolve(undefined);
    // an idle worker does not keep the process alive; one at work does
    worker.ref();
    return new Promise((resolve) => {
      const done = (outcome: RenderOutcome | undefined): void => {
        worker.off('message', done);
        worker.off('error', failed);
        worker.off('exit', failed);
        worker.unref();
        resolve(outcome);
      };
      const failed = (): void => done(undefined);
      worker.once('message', done);
      worker.once('error', failed);
      worker.once('exit', failed);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
