/** citeproc-js as bibfolio runs it: loaded on first use, with the case-mapping patch and the IR output format. */
import { load, type Citeproc } from '../vendor/citeproc.js';
import { patchCaseMapping, patchNameRegistry, patchSortCompare } from './citeproc-patches.js';
import { patchMarkupPass } from './citeproc-markup-patch.js';
import { defineIrFormat } from './ir-format.js';

let ready: Citeproc | undefined;

export function citeproc(): Citeproc {
  if (!ready) {
    const CSL = load();
    patchCaseMapping(CSL);
    patchNameRegistry(CSL);
    patchSortCompare(CSL);
    patchMarkupPass(CSL);
    defineIrFormat(CSL);
    ready = CSL;
  }
  return ready;
}
