/** A render worker: renders a chunk of prepared items with its own citeproc-js engine and sends the IR back. */
import { parentPort, workerData } from 'node:worker_threads';
import { engineFor } from '../csl/engine.js';
import { keepParsedCslIn } from '../csl/parsed-csl.js';
import { renderInChunks } from './chunks.js';
import type { RenderRequest, WorkerSetup } from './render-request.js';
import { loadBundlesWith } from './run-bundle.js';

const setup = workerData as WorkerSetup | undefined;
keepParsedCslIn(setup?.parsedCslFolder);
if (setup?.codeCaches) loadBundlesWith(setup.codeCaches);

parentPort?.on('message', (request: RenderRequest) => {
  const engine = engineFor(request.style, request.lang);
  parentPort?.postMessage(request.chunked ? renderInChunks(engine, request.items) : engine.render(request.items));
});
