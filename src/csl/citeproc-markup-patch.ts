/**
 * A measured speed-up of citeproc-js, behaviour unchanged: its inline-markup pass skipped for text without markup.
 *
 * citeproc-js hands every string it appends to its output queue to the flip-flopper (`processTags`), which reads the
 * inline markup of titles and names (`<i>`, `<sup>`, `<span class="nocase">`, straight and locale quotes). It builds
 * a regular expression, rewrites apostrophes and splits the string by its tags on every call, and returns untouched
 * when the string has no tag: most strings of a list (names, numbers, dates, most titles). Every tag it knows
 * contains `<`, `"`, `'` or a character of the locale's quote terms, and its only rewrite that can make a tag turns a
 * `’` between letters into `'`. A string with none of those characters therefore has no tag, and the pass is
 * skipped for it. (test/csl/citeproc-markup-patch.test.ts renders with and without the patch.)
 */
import type { Citeproc } from '../vendor/citeproc.js';

interface QuoteTerms {
  getTerm(term: string): unknown;
}

interface Blob {
  blobs: unknown;
}

interface FlipFlopper {
  processTags(blob: Blob): void;
}

type FlipFlopperClass = ((this: FlipFlopper, state: QuoteTerms) => void) & { __bibfolioPatched?: boolean };

const QUOTE_TERMS = ['open-quote', 'close-quote', 'open-inner-quote', 'close-inner-quote'];

/** The characters a tag of this engine's flip-flopper must contain one of: markup, straight quotes, `’`, locale quotes. */
export function markupSignal(state: QuoteTerms): RegExp {
  const chars = new Set(['<', '"', "'", '\u2019']);
  for (const term of QUOTE_TERMS) {
    const value = state.getTerm(term);
    if (typeof value === 'string') for (const ch of value) chars.add(ch);
  }
  const escaped = [...chars].map((ch) => `\\u{${(ch.codePointAt(0) as number).toString(16)}}`).join('');
  return new RegExp(`[${escaped}]`, 'u');
}

/** Patches this copy of citeproc-js's flip-flopper, once: engines made afterwards skip text without markup. */
export function patchMarkupPass(CSL: Citeproc): void {
  const util = (CSL as unknown as { Util: { FlipFlopper: FlipFlopperClass } }).Util;
  if (util.FlipFlopper.__bibfolioPatched) return;
  const Original = util.FlipFlopper;
  const Patched = function (this: FlipFlopper, state: QuoteTerms): void {
    Original.call(this, state);
    const full = this.processTags;
    const signal = markupSignal(state);
    this.processTags = function (this: FlipFlopper, blob: Blob): void {
      if (typeof blob.blobs === 'string' && !signal.test(blob.blobs)) return;
      full.call(this, blob);
    };
  };
  Patched.prototype = Original.prototype;
  util.FlipFlopper = Object.assign(Patched, { __bibfolioPatched: true });
}
