#!/usr/bin/env node
/**
 * The `bibfolio` command: runs the bundled command line (dist/bibfolio.cjs) with a V8 code cache kept in the user's
 * cache folder, so that after the first run V8 does not parse and compile the bundle again. The heavy packages are
 * bundles of their own (dist/bundles/*.cjs, see src/vendor/README.md), which the command line loads on first use
 * through the same function, each with its own code cache.
 *
 * A cache is keyed by its bundle's path, size and modification time and the Node version (cheap: hashing the whole
 * bundle cost ~20 ms a run); a cache V8 rejects (it checks the source itself) is rewritten. The bundles are ASCII
 * (scripts/bundle.mjs checks it), so they are read as Latin-1: one-byte strings. Nothing here changes what the
 * program does.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const base = process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
const cacheDir = join(base, 'bibfolio', 'v8');

/** Runs a CommonJS bundle with a V8 code cache and returns its exports. */
function runBundle(file: string): unknown {
  const source = readFileSync(file, 'latin1').replace(/^#!.*/, '');
  const stat = statSync(file);
  const key = createHash('sha256')
    .update(`${stat.size}\u0000${stat.mtimeMs}\u0000${process.version}\u0000${file}`)
    .digest('hex')
    .slice(0, 16);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.cjs$/, '');
  const cacheFile = join(cacheDir, `${name}-${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    // at exit, so that the cache holds the functions this run compiled, not only the top level
    process.once('exit', () => {
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(cacheFile, script.createCachedData());
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

(globalThis as { __bibfolioLoadBundle?: (file: string) => unknown }).__bibfolioLoadBundle = runBundle;
runBundle(join(__dirname, '..', 'bibfolio.cjs'));
