/** A render worker: renders a chunk of prepared items with its own citeproc-js engine and sends the IR back. */
import { parentPort } from 'node:worker_threads';
import { engineFor } from '../csl/engine.js';
import { renderInChunks } from './chunks.js';
import type { RenderRequest } from './render-request.js';

parentPort?.on('message', (request: RenderRequest) => {
  const engine = engineFor(request.style, request.lang);
  parentPort?.postMessage(request.chunked ? renderInChunks(engine, request.items) : engine.render(request.items));
});
