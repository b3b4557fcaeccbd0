/** A render worker: renders a chunk of prepared items with its own citeproc-js engine and sends the IR back. */
import { parentPort } from 'node:worker_threads';
import { engineFor } from '../csl/engine.js';
import type { StyleSource } from '../csl/registry.js';

export interface RenderRequest {
  readonly style: StyleSource;
  readonly lang: string;
  readonly items: ReadonlyArray<{ readonly id: string }>;
}

parentPort?.on('message', (request: RenderRequest) => {
  parentPort?.postMessage(engineFor(request.style, request.lang).render(request.items));
});
