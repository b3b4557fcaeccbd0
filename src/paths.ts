/**
 * Where bibfolio's own files are (package.json, styles/): found from this module's location by walking up to the
 * package root, so the same code works from dist/ (tsc output) and from the bundled entry point.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'bibfolio') return dir;
      } catch {
        // not ours: keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bibfolio cannot find its package root (package.json named "bibfolio")');
    dir = parent;
  }
}

/** Set in bibfolio's bundles (scripts/bundle.mjs), which know where they are; the tsc build looks for package.json. */
declare const __BIBFOLIO_PACKAGE_ROOT__: string | undefined;

export const PACKAGE_ROOT = typeof __BIBFOLIO_PACKAGE_ROOT__ === 'string' ? __BIBFOLIO_PACKAGE_ROOT__ : findRoot();

/** bibfolio's folder in the user's cache: `$XDG_CACHE_HOME/bibfolio`, else `~/.cache/bibfolio`. Never the repository. */
export function userCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache');
  return join(base, 'bibfolio');
}
