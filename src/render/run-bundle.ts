/**
 * Runs a heavy package's bundle as the launcher does (src/cli/launch.cts), with the V8 code cache the launcher handed
 * over: for a render worker, which the launcher does not start. Without it a worker compiled citeproc-js again, 28-38
 * ms of its start against 13 with the cache (and every function it renders with, compiled lazily after). It only
 * reads the cache; a cache V8 rejects costs this worker its compilation, never a wrong result (V8 checks it).
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export function runBundleWith(file: string, cachedData: Uint8Array | undefined): unknown {
  const source = readFileSync(file, 'latin1').replace(/^#!.*/, '');
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {} };
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return mod.exports;
}

/** Has this thread's heavy packages loaded through `runBundleWith`, each with its cache from `caches` (by file). */
export function loadBundlesWith(caches: Readonly<Record<string, Uint8Array>>): void {
  globalThis.__bibfolioLoadBundle = (file) => runBundleWith(file, caches[file]);
}
