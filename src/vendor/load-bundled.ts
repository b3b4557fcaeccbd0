/**
 * In the command line's bundle only (scripts/bundle.mjs puts a module that calls this in place of each module of
 * src/vendor): loads `dist/bundles/<name>.cjs` once, through the launcher's V8 code cache when the launcher runs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare global {
  /** Set by dist/cli/launch.cjs: runs a CommonJS bundle with a V8 code cache and returns its exports. */
  var __bibfolioLoadBundle: ((file: string) => unknown) | undefined;
  /** Set by dist/cli/launch.cjs: the V8 code cache it would run a bundle with, if it has one. */
  var __bibfolioCodeCacheOf: ((file: string) => Uint8Array | undefined) | undefined;
}

/** The file of a heavy package's bundle. */
export function bundleFile(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'bundles', `${name}.cjs`);
}

const loaded = new Map<string, unknown>();

export function loadBundled(name: string): unknown {
  if (!loaded.has(name)) {
    const file = bundleFile(name);
    const run = globalThis.__bibfolioLoadBundle ?? createRequire(import.meta.url);
    loaded.set(name, (run(file) as { default: unknown }).default);
  }
  return loaded.get(name);
}
