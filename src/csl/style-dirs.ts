/**
 * Where style names are looked up: light (no XML parser), so that the CLI's context can name the folders without
 * loading the style registry.
 */
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT, userCacheDir } from '../paths.js';

/** The `styles/` folder shipped with bibfolio. */
export const STYLES_DIR = join(PACKAGE_ROOT, 'styles');

/** The user's style cache, filled by `bibfolio styles add`. */
export function userStylesDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(userCacheDir(env), 'styles');
}

/** The folders the CLI searches for a style name: the project's, the configured ones, bibfolio's, the cache. */
export function styleSearchDirs(
  root: string,
  configured: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  return [
    ...new Set([join(root, 'styles'), ...configured.map((d) => resolve(root, d)), STYLES_DIR, userStylesDir(env)]),
  ];
}
