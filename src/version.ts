/** bibfolio's version, from package.json (in the bundles, written into them when they are built). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

declare const __BIBFOLIO_VERSION__: string | undefined;

export const VERSION =
  typeof __BIBFOLIO_VERSION__ === 'string'
    ? __BIBFOLIO_VERSION__
    : (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
