/** bibfolio's version, from package.json (in the bundles, written into them when they are built). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

declare const __BIBFOLIO_VERSION__: string | undefined;
declare const __BIBFOLIO_BUILD_ID__: string | undefined;

export const VERSION =
  typeof __BIBFOLIO_VERSION__ === 'string'
    ? __BIBFOLIO_VERSION__
    : (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What the caches of mapped items, rendered entries and exported blocks are keyed by: the version and, in the bundles,
 * a digest of the code and dependencies they were built from, so that a build of the same version (from git, or after
 * a fix) never serves another's results. (Parsed styles and locales, citeproc-js's own parse, are keyed by version.)
 */
export const CACHE_VERSION =
  typeof __BIBFOLIO_BUILD_ID__ === 'string' ? `${VERSION}+${__BIBFOLIO_BUILD_ID__}` : VERSION;
