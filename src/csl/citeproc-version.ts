/** The version of the citeproc-js bibfolio runs: part of every key of what is kept from it. Light: no citeproc-js. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let citeproc: string | undefined;
declare const __BIBFOLIO_CITEPROC_VERSION__: string | undefined;

/** The installed citeproc-js version (resolved as Node resolves the package, hoisted or not). */
export function citeprocVersion(): string {
  // the command line's bundle is built with the version of the citeproc-js it bundles (scripts/bundle.mjs): no
  // package lookup at every run
  citeproc ??=
    typeof __BIBFOLIO_CITEPROC_VERSION__ === 'string'
      ? __BIBFOLIO_CITEPROC_VERSION__
      : (require('citeproc/package.json') as { version: string }).version;
  return citeproc;
}
