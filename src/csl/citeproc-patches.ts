/**
 * A measured speed-up of citeproc-js, behaviour unchanged.
 *
 * citeproc-js lower- and upper-cases through `String.prototype.toLocaleLowerCase(langs)`, which negotiates the
 * locale on every call and was the largest single cost in profiles of long lists. Few languages have case mappings of
 * their own (Turkish, Azeri and Lithuanian in SpecialCasing.txt; Greek in ICU, whose upper case drops the tonos):
 * which ones is asked of this Node's ICU, once per language, by case-mapping a probe of the scripts' cased letters
 * both ways. Every other language gets `toLowerCase`/`toUpperCase`, which give the same result without the
 * negotiation; those with their own mappings keep the original. (test/csl/case-mapping.test.ts checks the probe
 * against every code point, for every language the CSL locales name.)
 */
import type { Citeproc } from '../vendor/citeproc.js';

interface CaseState {
  tmp: { lang_array?: string[] };
}

type CaseFn = (this: CaseState, str: string) => string;

type Patchable = { toLocaleLowerCase: CaseFn; toLocaleUpperCase: CaseFn; __bibfolioPatched?: boolean };

/** The cased letters of the scripts where languages have case mappings of their own (Latin, Greek, Cyrillic, ...). */
const PROBE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0041, 0x024f],
  [0x0300, 0x0587],
  [0x10a0, 0x10ff],
  [0x1c80, 0x1cbf],
  [0x1e00, 0x1fff],
  [0x2c00, 0x2d2f],
  [0xa640, 0xa7ff],
  [0xfb00, 0xfb17],
];

let probe: string | undefined;
const verdicts = new Map<string, boolean>();

function probeText(): string {
  if (probe === undefined) {
    const chars: string[] = [];
    for (const [from, to] of PROBE_RANGES) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (ch.toUpperCase() !== ch || ch.toLowerCase() !== ch) chars.push(ch);
      }
    }
    probe = chars.join(' ');
  }
  return probe;
}

/** Whether a language has case mappings of its own in this Node's ICU (memoised; an invalid tag has none). */
export function hasSpecialCasing(lang: string): boolean {
  let verdict = verdicts.get(lang);
  if (verdict === undefined) {
    const text = probeText();
    try {
      verdict =
        text.toLocaleUpperCase(lang) !== text.toUpperCase() || text.toLocaleLowerCase(lang) !== text.toLowerCase();
    } catch {
      verdict = false;
    }
    verdicts.set(lang, verdict);
  }
  return verdict;
}

function needsLocale(state: CaseState): boolean {
  const langs = state.tmp?.lang_array;
  return Array.isArray(langs) && langs.some((l) => hasSpecialCasing(l));
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

interface NameState {
  opt: Record<string, unknown>;
  citation: { opt: Record<string, unknown> };
  tmp: {
    area: string;
    disambig_request: unknown;
    just_looking: boolean;
    sort_key_flag: boolean;
    disambig_settings: { givens: number[][]; use_initials: boolean };
  };
  inheritOpt(node: unknown, attr: string, ...rest: string[]): unknown;
}

interface NameOutputThis {
  state: NameState;
  name: { strings: Record<string, unknown> };
  item?: { position?: number };
}

type SortCompare = (a: string, b: string) => number;

/**
 * citeproc-js builds its string comparison when an engine is made, and tries it once there (on "[x" and "x"): the
 * first locale-aware comparison with options loads ICU's collation data (13 ms of a 57 ms engine in a profile),
 * though a list sorts its entries without citeproc-js (see prepare-style.ts) and may never compare. This builds the
 * same comparison on its first use, with the same state and locale.
 */
export function patchSortCompare(CSL: Citeproc): void {
  const csl = CSL as unknown as {
    getSortCompare: ((this: unknown, locale?: string) => SortCompare) & { __bibfolioPatched?: boolean };
  };
  if (csl.getSortCompare.__bibfolioPatched) return;
  const original = csl.getSortCompare;
  const lazy = function (this: unknown, locale?: string): SortCompare {
    let compare: SortCompare | undefined;
    return (a, b) => (compare ??= original.call(this, locale))(a, b);
  };
  csl.getSortCompare = Object.assign(lazy, { __bibfolioPatched: true });
}

/**
 * What the names registry's evalname answers when it holds no name. A function of the module, not a closure made at
 * each call: the bundle keeps function names, and names each closure as it is made.
 */
function registryAnswer(area: string, form: unknown, initials: unknown): number {
  if (area.slice(0, 12) === 'bibliography' && !form) return typeof initials === 'string' ? 1 : 2;
  if (form === 'short') return 0;
  return typeof initials === 'string' ? 1 : 2;
}

type RunDisambigNames = (this: NameOutputThis, lst: Array<{ given?: string; family?: string }>, pos: number) => void;

/**
 * citeproc-js registers every name of every item in a names registry and asks it, twice per name, how much of the
 * given name to print. The registry only changes that answer when the style asks to add given names to tell people
 * apart (`disambiguate-add-givenname`), which lists never do (see prepare-style.ts): without it the answer is the
 * name's form alone (short: 0, initials: 1, else 2). This is citeproc-js's `_runDisambigNames` with those answers
 * computed directly and nothing registered; with the option, the original runs. A quarter of a long list's time.
 */
export function patchNameRegistry(CSL: Citeproc): void {
  const proto = (CSL as unknown as { NameOutput: { prototype: { _runDisambigNames: RunDisambigNames } } }).NameOutput
    .prototype;
  const marked = proto as unknown as { __bibfolioPatched?: boolean };
  if (marked.__bibfolioPatched) return;
  const original = proto._runDisambigNames;
  const FIRST = (CSL as unknown as { POSITION_FIRST: number }).POSITION_FIRST;
  proto._runDisambigNames = function (this: NameOutputThis, lst, pos): void {
    const state = this.state;
    if (state.opt['disambiguate-add-givenname']) {
      original.call(this, lst, pos);
      return;
    }
    const givens = state.tmp.disambig_settings.givens;
    for (let i = 0; i < lst.length; i += 1) {
      const name = lst[i] as { given?: string; family?: string };
      if (!name.given && !name.family) continue;
      const initials = state.inheritOpt(this.name, 'initialize-with');
      if (givens[pos] === undefined) for (let j = 0; j <= pos; j += 1) if (!givens[j]) givens[j] = [];
      const row = givens[pos] as number[];
      const form = state.inheritOpt(this.name, 'form', 'name-form', 'long');
      if (row[i] === undefined) row.push(registryAnswer(state.tmp.area, form, initials));
      const paramx = registryAnswer(state.tmp.area, form, initials);
      let param: number;
      if (state.tmp.disambig_request) {
        let val = row[i] as number;
        if (
          val === 1 &&
          state.citation.opt['givenname-disambiguation-rule'] === 'by-cite' &&
          (state.inheritOpt(this.name, 'initialize-with') === undefined || name.given === undefined)
        )
          val = 2;
        param = val;
      } else param = paramx;
      if (!state.tmp.just_looking && this.item && this.item.position === FIRST && paramx > param) param = paramx;
      if (!state.tmp.sort_key_flag) {
        row[i] = param;
        if (
          typeof initials === 'string' &&
          (this.name.strings['initialize'] === undefined || this.name.strings['initialize'] === true)
        )
          state.tmp.disambig_settings.use_initials = true;
      }
    }
  };
  marked.__bibfolioPatched = true;
}
