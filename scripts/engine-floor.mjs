#!/usr/bin/env node
/**
 * The engine's floor: how long bibfolio's citeproc-js engine takes to render a list whose entries are already read,
 * mapped and prepared, with nothing else in the process. No design of the command line that renders every entry with
 * citeproc-js can be faster than this on the same threads. The bench runs it beside pandoc, so that a target can be
 * read against what the engine alone costs.
 *
 *   node scripts/engine-floor.mjs prepare <store.bib> <style> <items.json>   (maps as `format --style <style>` does)
 *   node scripts/engine-floor.mjs render <items.json> [--threads 2]
 *
 * `render` prints one line of JSON: the entries rendered, and the seconds (wall) and CPU seconds (every thread of the
 * process, V8's compiler and collector threads too) from the engines' creation to the last entry. With `--threads 2`
 * a worker thread renders the second half, each half with an engine of its own, as the command line's worker does.
 * Both threads have loaded the library and read the items before the clock starts: a thread's start is left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const dist = new URL('../dist/', import.meta.url);

async function renderPart(file, from, to) {
  const { engineFor } = await import(new URL('csl/engine.js', dist).href);
  const { renderInChunks } = await import(new URL('render/chunks.js', dist).href);
  const { style, locale, items } = JSON.parse(readFileSync(file, 'utf8'));
  return () => {
    const outcome = renderInChunks(engineFor(style, locale), items.slice(from, to));
    if (outcome.failures.length > 0) throw new Error(`${outcome.failures.length} entries failed to render`);
    return outcome.entries.length;
  };
}

if (!isMainThread) {
  // loaded before the clock starts, then rendered on the main thread's word
  const { file, from, to } = workerData;
  const render = await renderPart(file, from, to);
  parentPort.once('message', () => parentPort.postMessage(render()));
  parentPort.postMessage('ready');
} else {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'prepare') {
    const [bib, styleName, out] = rest;
    if (!out) throw new Error('usage: engine-floor.mjs prepare <store.bib> <style> <items.json>');
    const { openProject, listOptions, parseStore, publicationsOf, prepareList } = await import(
      new URL('index.js', dist).href
    );
    const cwd = process.cwd();
    const project = openProject({ cwd, env: process.env });
    const options = listOptions(project, cwd, 'html', { style: styleName });
    const pubs = publicationsOf(parseStore(readFileSync(bib, 'utf8'), bib));
    // as `format` renders entries without a record: every entry, in one group, in the store's order
    const prepared = prepareList(pubs.items, { ...options, selectedOnly: false, ownerOnly: false, groupBy: 'none' });
    writeFileSync(out, JSON.stringify({ style: options.style, locale: options.locale, items: prepared.citeprocItems }));
  } else if (mode === 'render') {
    const [file] = rest;
    const threads = rest.includes('--threads') ? Number(rest[rest.indexOf('--threads') + 1]) : 1;
    if (!file || !(threads === 1 || threads === 2))
      throw new Error('usage: engine-floor.mjs render <items.json> [--threads 2]');
    const { length } = JSON.parse(readFileSync(file, 'utf8')).items;
    const half = Math.ceil(length / 2);
    // both threads load the library and the items before the clock starts: what is timed is the engine alone
    const worker =
      threads === 2
        ? new Worker(fileURLToPath(import.meta.url), { workerData: { file, from: half, to: length } })
        : undefined;
    const next = () =>
      new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    if (worker) await next();
    const render = await renderPart(file, 0, worker ? half : length);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const there = worker ? next() : Promise.resolve(0);
    worker?.postMessage('go');
    const entries = render() + (await there);
    await worker?.terminate();
    const used = process.cpuUsage(cpu);
    console.log(
      JSON.stringify({
        entries,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        cpuSeconds: (used.user + used.system) / 1e6,
      }),
    );
  } else {
    throw new Error('usage: engine-floor.mjs prepare|render ...');
  }
}
