#!/usr/bin/env node
/**
 * The `bibfolio` command: runs the bundled command line (dist/bibfolio.cjs) with a V8 code cache, so that V8 does not
 * parse and compile the bundle again at every run. The heavy packages are bundles of their own (dist/bundles/*.cjs,
 * see src/vendor/README.md), which the command line loads on first use through the same function, each with its own
 * code cache.
 *
 * A cache is keyed by its bundle's content hash (dist/bundles.json, written by scripts/bundle.mjs), the Node version
 * and the architecture. The content matters: V8 checks a cache only against the source's length, and runs the code
 * of another source of the same length. Caches are looked up in the user's cache folder, then among those the build
 * made (dist/code-cache, scripts/warm-code-cache.mjs), so that a first run is quick too; a cache V8 rejects is
 * written anew in the user's folder. The bundles are ASCII (scripts/bundle.mjs checks it), so they are read as
 * Latin-1: one-byte strings. Nothing here changes what the program does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// V8 lets a heap grow to up to four times what a full collection left before it collects again: the main thread of a
// 10,000-entry list collected once, at 50 MB, and ended at 190 MB, most of it garbage (the same run held to 120 MB
// with --max-old-space-size); its worker, capped, collected often. One and a half times keeps that list's peak under
// 300 MiB, for about 6% more CPU time on it. Set before any bundle runs: V8 keys its code caches by its flags, so the
// caches the build makes are made with it too.
setFlagsFromString('--heap-growing-percent=50');
// V8 optimizes a function once it has run for a budget of bytecode (67,584 by default). citeproc-js runs hundreds of
// functions just warm enough to be optimized, and on two cores their compilation competes with the two threads that
// render. A budget 4.4 times larger optimizes fewer of them: measured side by side (CPU time, medians of 3-4), cv
// 2,000 entries cold -12%, APA 2,000 -10%, cv 10,000 -5 to -7%, APA 10,000 within +-2%, the embedded store's first
// run -9%, warm runs unchanged. It only changes when code is optimized, never what it computes.
setFlagsFromString('--interrupt-budget=300000');

const dist = join(__dirname, '..');
const base = process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
const userCaches = join(base, 'bibfolio', 'v8');
const buildCaches = join(dist, 'code-cache');

let contentHashes: Record<string, string> | undefined;
function contentHash(file: string): string | undefined {
  try {
    contentHashes ??= JSON.parse(readFileSync(join(dist, 'bundles.json'), 'utf8')) as Record<string, string>;
  } catch {
    contentHashes = {};
  }
  return contentHashes[relative(dist, file).split('\\').join('/')];
}

/** The cache file's name for a bundle, by its content; none when the build did not record it (then no cache). */
function cacheName(file: string): string | undefined {
  const hash = contentHash(file);
  if (hash === undefined) return undefined;
  // no hash of its own: node:crypto costs a script 4-6 ms to load, and the content hash is one already
  const key = `${hash.slice(0, 16)}-${process.version}-${process.arch}`.replace(/[^\w.-]/g, '_');
  return `${file.replace(/^.*[\\/]/, '').replace(/\.cjs$/, '')}-${key}.bin`;
}

function readCache(name: string): Buffer | undefined {
  for (const dir of [userCaches, buildCaches]) {
    try {
      return readFileSync(join(dir, name));
    } catch {
      // not there: the next place, or none
    }
  }
  return undefined;
}

/** Runs a CommonJS bundle with a V8 code cache and returns its exports. */
function runBundle(file: string): unknown {
  const source = readFileSync(file, 'latin1').replace(/^#!.*/, '');
  const name = cacheName(file);
  const cachedData = name === undefined ? undefined : readCache(name);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (name !== undefined && (!cachedData || script.cachedDataRejected)) {
    // at exit, so that the cache holds the functions this run compiled, not only the top level
    process.once('exit', () => {
      try {
        mkdirSync(userCaches, { recursive: true });
        writeFileSync(join(userCaches, name), script.createCachedData());
      } catch {
        // no cache folder: the next run compiles again, that is all
      }
    });
  }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {} };
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  return mod.exports;
}

/** A bundle's code cache as this launcher would use it, for a render worker to load the bundle with (render/worker.ts). */
function codeCacheOf(file: string): Uint8Array | undefined {
  const name = cacheName(file);
  return name === undefined ? undefined : readCache(name);
}

const launcherGlobals = globalThis as {
  __bibfolioLoadBundle?: (file: string) => unknown;
  __bibfolioCodeCacheOf?: (file: string) => Uint8Array | undefined;
};
launcherGlobals.__bibfolioLoadBundle = runBundle;
launcherGlobals.__bibfolioCodeCacheOf = codeCacheOf;
runBundle(join(dist, 'bibfolio.cjs'));
