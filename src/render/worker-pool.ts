/**
 * Render workers, started early (before the store is read) so that loading them overlaps the main thread's work.
 * Each worker keeps its citeproc-js engine between requests. A worker that fails hands its request back to the
 * caller, which renders it on its own thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderOutcome } from '../csl/engine.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { RenderRequest } from './worker.js';

export const WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'render-worker.cjs');

export class WorkerPool {
  private readonly workers: Worker[];

  private constructor(count: number) {
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_FILE));
    for (const worker of this.workers) worker.unref();
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
    if (!worker) return Promise.resolve(undefined);
    // an idle worker does not keep the process alive; one at work does
    worker.ref();
    return new Promise((resolve) => {
      const onMessage = (outcome: RenderOutcome): void => {
        worker.off('error', onError);
        worker.unref();
        resolve(outcome);
      };
      const onError = (): void => {
        worker.off('message', onMessage);
        resolve(undefined);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
