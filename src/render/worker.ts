/** A render worker: renders a chunk of prepared items with its own citeproc-js engine and sends the IR back. */
import { parentPort } from 'node:worker_threads';
import { engineFor } from '../csl/engine.js';
import type { StyleSource } from '../csl/registry.js';
import { renderInChunks } from './render-items.js';

export interface RenderRequest {
  readonly style: StyleSource;
  readonly lang: string;
  readonly items: ReadonlyArray<{ readonly id: string }>;
  /** The items are independent: render them a chunk at a time. */
  readonly chunked?: boolean;
}

parentPort?.on('message', (request: RenderRequest) => {
  const engine = engineFor(request.style, request.lang);
  parentPort?.postMessage(request.chunked ? renderInChunks(engine, request.items) : engine.render(request.items));
});
