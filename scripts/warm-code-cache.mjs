#!/usr/bin/env node
/**
 * Part of `npm run build`: runs the built command line on the embedded store the way a first run does (mapping,
 * rendering to each format, export, check) with an empty cache folder of its own, and keeps the V8 code caches that
 * run wrote in dist/code-cache. The launcher reads them when the user's cache folder has none, so that a first run
 * on a new machine does not compile the bundles. They are keyed by the bundles' content, the Node version and the
 * architecture (src/cli/launch.cts); with another Node they are not used. bibfolio's own bundle keeps the cache of
 * a warm run instead, the run most runs are. It keeps too, in dist/csl-json, the parsed
 * style and locale such a run hands citeproc-js (src/csl/parsed-csl.ts), so that a first run does not parse their XML.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const launcher = join(ROOT, 'dist/cli/launch.cjs');
const out = join(ROOT, 'dist/code-cache');
const work = mkdtempSync(join(tmpdir(), 'bibfolio-warm-'));
const env = { ...process.env, XDG_CACHE_HOME: work };
const config = join(ROOT, 'bibfolio.config.json');
const run = (args) => execFileSync(process.execPath, [launcher, ...args], { env, cwd: ROOT, stdio: 'ignore' });

// the caches of an earlier build would be read instead of written
const parsedCsl = join(ROOT, 'dist/csl-json');
rmSync(out, { recursive: true, force: true });
rmSync(parsedCsl, { recursive: true, force: true });
try {
  for (const to of ['html', 'markdown', 'latex', 'text', 'json']) {
    run(['format', '--config', config, '--to', to, '--no-cache', '--out', join(work, `out.${to}`)]);
  }
  run(['format', '--config', config, '--to', 'html', '--standalone', '--no-cache', '--out', join(work, 'page.html')]);
  // a run that keeps caches: the parsed style and locale a first run reads (src/csl/parsed-csl.ts)
  run(['format', '--config', config, '--to', 'html', '--out', join(work, 'kept.html')]);
  run(['export-bib', '--config', config, '--out', join(work, 'out.bib')]);
  try {
    run(['check', '--config', config]);
  } catch {
    // check exits 1 when it finds errors: what counts here is the code it ran
  }
  // bibfolio's own bundle keeps the cache of a warm run (every entry in the render cache): V8 deserializes all of a
  // cache at load, and the first run's (600 kB) held the mapping and rendering code a warm run never calls. A warm
  // run of the embedded store: 138.6 -> 133.5 ms; a first run: 249.3 -> 252.9 ms (medians of 30 and 20 side by side)
  const v8 = join(work, 'bibfolio/v8');
  for (const file of readdirSync(v8)) if (file.startsWith('bibfolio-')) rmSync(join(v8, file));
  run(['format', '--config', config, '--to', 'html', '--out', join(work, 'kept.html')]);
  mkdirSync(out, { recursive: true });
  const caches = readdirSync(join(work, 'bibfolio/v8'));
  for (const file of caches) copyFileSync(join(work, 'bibfolio/v8', file), join(out, file));
  mkdirSync(parsedCsl, { recursive: true });
  for (const file of readdirSync(join(work, 'bibfolio/csl-json')))
    copyFileSync(join(work, 'bibfolio/csl-json', file), join(parsedCsl, file));
} finally {
  rmSync(work, { recursive: true, force: true });
}
