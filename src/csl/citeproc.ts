/** citeproc-js as bibfolio runs it: loaded on first use, with the case-mapping patch and the IR output format. */
import { load, type Citeproc } from '../vendor/citeproc.js';
import { patchCaseMapping, patchNameRegistry, patchSortCompare } from './citeproc-patches.js';
import { patchMarkupPass } from './citeproc-markup-patch.js';
import { defineIrFormat } from './ir-format.js';

let ready: Citeproc | undefined;

export function citeproc(): Citeproc {
  ready ??= withBibfolioPatches(load());
  return ready;
}

/**
 * Applies bibfolio's runtime patches and output format to a copy of citeproc-js, and returns it. The command line's
 * copy is its bundle (dist/bundles/citeproc.cjs, with the build's changes: scripts/bundle.mjs); `npm run csl-suite`
 * runs that copy, patched here, against plain citeproc-js.
 */
export function withBibfolioPatches(CSL: Citeproc): Citeproc {
  patchCaseMapping(CSL);
  patchNameRegistry(CSL);
  patchSortCompare(CSL);
  patchMarkupPass(CSL);
  defineIrFormat(CSL);
  return CSL;
}
