#!/usr/bin/env node
/**
 * The `bibfolio` command: runs the bundled command line (dist/bibfolio.cjs) with a V8 code cache kept in the user's
 * cache folder, so that after the first run V8 does not parse and compile the bundle again. The cache is keyed by the
 * bundle's size and modification time and the Node version (cheap: hashing the whole bundle cost ~20 ms a run); a
 * cache V8 rejects (it checks the source itself) is rewritten. The bundle is ASCII (scripts/bundle.mjs checks it), so
 * it is read as Latin-1: a one-byte string. Nothing here changes what the program does.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, '..', 'bibfolio.cjs');
const source = readFileSync(bundle, 'latin1').replace(/^#!.*/, '');
const base = process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
const stat = statSync(bundle);
const key = createHash('sha256')
  .update(`${stat.size}\u0000${stat.mtimeMs}\u0000${process.version}\u0000${bundle}`)
  .digest('hex')
  .slice(0, 16);
const cacheFile = join(base, 'bibfolio', 'v8', `bibfolio-${key}.bin`);

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
if (!cachedData || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // no cache folder: the next run compiles again, that is all
    }
  });
}
const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
const mod = { exports: {} };
wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
