/**
 * A measured speed-up of citeproc-js, behaviour unchanged.
 *
 * citeproc-js lower- and upper-cases through `String.prototype.toLocaleLowerCase(langs)`, which negotiates the
 * locale on every call and was the largest single cost in profiles of long lists. Locale-sensitive case mappings
 * exist only for Turkish, Azeri and Lithuanian (Unicode SpecialCasing.txt); for every other language the result is
 * that of `toLowerCase`, so that is used, and the original is kept for those three.
 */
import type { Citeproc } from '../vendor/citeproc.js';

interface CaseState {
  tmp: { lang_array?: string[] };
}

type CaseFn = (this: CaseState, str: string) => string;

type Patchable = { toLocaleLowerCase: CaseFn; toLocaleUpperCase: CaseFn; __bibfolioPatched?: boolean };

const SPECIAL_CASING = /^(tr|az|lt)(\b|-|_)/i;

function needsLocale(state: CaseState): boolean {
  const langs = state.tmp?.lang_array;
  return Array.isArray(langs) && langs.some((l) => SPECIAL_CASING.test(l));
}

/** Patches the case mapping of this copy of citeproc-js, once. */
export function patchCaseMapping(CSL: Citeproc): void {
  const csl = CSL as unknown as Patchable;
  if (csl.__bibfolioPatched) return;
  const lower = csl.toLocaleLowerCase;
  const upper = csl.toLocaleUpperCase;
  csl.toLocaleLowerCase = function (this: CaseState, str: string): string {
    return needsLocale(this) ? lower.call(this, str) : str.toLowerCase();
  };
  csl.toLocaleUpperCase = function (this: CaseState, str: string): string {
    return needsLocale(this) ? upper.call(this, str) : str.toUpperCase();
  };
  csl.__bibfolioPatched = true;
}
