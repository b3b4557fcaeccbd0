/**
 * Author lists: the author limit that never hides the owner, and the marking of the owner and annotated co-authors
 * so that the whole name, in whatever form the style renders it, is bolded or followed by its mark.
 *
 * CSL cannot single out one author. bibfolio wraps every part of a marked person's name in citeproc-js inline markup
 * (`<sup>`, which no style applies to names, so IR superscripts inside names are always ours) and puts a private
 * index character at the end of the family name. citeproc-js then renders the name in the style's own form (full
 * given names or initials, given-first or family-first). Afterwards the family part is found by its index character
 * and the given part on the side where this style puts given names, learnt once per engine from a probe render.
 */
import { parseMarkAnnotation } from '../conventions/name-marks.js';
import type { CslItem, CslName } from './types.js';
import type { OwnerMatcher } from '../model/names.js';
import { IR, personChar, personIndex, plain } from './ir.js';

/** The author limit rule; `max` 0 means no limit. */
export interface AuthorSelection {
  /** Author indices to show, in order; `'elision'` stands for names left out before the owner. */
  readonly shown: ReadonlyArray<number | 'elision'>;
  readonly etAl: boolean;
}

/**
 * - `count <= max`: every name.
 * - the owner among the first `max`, or not an author: the first `max` names, then "et al.".
 * - the owner after them: the first `max - 1` names, "[…]", the owner, then "et al." if names follow; but when the
 *   elision would hide two names or fewer, those names are shown instead (SHADE-Arena: owner 12th of 12, limit 10,
 *   prints all 12).
 * "et al." also ends every list the store marks as incomplete (`and others`).
 */
export function selectAuthors(count: number, owner: number, max: number, truncated: boolean): AuthorSelection {
  const all = Array.from({ length: count }, (_, i) => i);
  if (max <= 0 || count <= max) return { shown: all, etAl: truncated };
  if (owner < max) return { shown: all.slice(0, max), etAl: true };
  const head = Math.max(1, max - 1);
  const etAl = owner < count - 1 || truncated;
  if (owner - head <= 2) return { shown: all.slice(0, owner + 1), etAl };
  return { shown: [...all.slice(0, head), 'elision', owner], etAl };
}

/** The item field that keeps the undecorated author list for citeproc-js's own use (see csl/engine.ts). */
export const PLAIN_AUTHORS = 'bibfolio-plain-author';

export interface PersonMark {
  /** Position in the list handed to citeproc-js. */
  readonly position: number;
  readonly bold: boolean;
  readonly hasSuffix: boolean;
  /** The given name, to recognise it wherever the style prints it. */
  readonly given?: string;
  /** Symbols to print after the name, in order. */
  readonly marks: readonly string[];
}

export interface DecoratedAuthors {
  readonly item: CslItem;
  readonly persons: readonly PersonMark[];
  /** Annotation names whose mark is printed in this item (for the legend). */
  readonly usedAnnotations: readonly string[];
  readonly ownerIndex: number;
}

export interface AuthorOptions {
  readonly owner?: OwnerMatcher;
  readonly bold: boolean;
  readonly maxAuthors: number;
  /** Annotation name -> symbol; annotations without a symbol print nothing. */
  readonly symbols: Readonly<Record<string, string>>;
}

const sup = (text: string): string => `<sup>${text}</sup>`;

function markedName(name: CslName, index: number): CslName {
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family ?? name.literal]
    .filter(Boolean)
    .join(' ');
  const out: Record<string, string> = { family: sup(family + personChar(index)) };
  if (name.given) out.given = sup(name.given);
  if (name.suffix) out.suffix = sup(name.suffix);
  return out as CslName;
}

export function decorateAuthors(item: CslItem, options: AuthorOptions): DecoratedAuthors {
  const authors = item.author ?? [];
  const ownerIndex = options.owner ? options.owner.indexIn(authors) : -1;
  const selection = selectAuthors(authors.length, ownerIndex, options.maxAuthors, item.custom.truncated);
  const persons: PersonMark[] = [];
  const used = new Set<string>();
  const shown: CslName[] = selection.shown.map((which, position) => {
    if (which === 'elision') return { literal: IR.ELISION };
    const name = authors[which] as CslName;
    const annotations = item.custom.authorAnnotations[which + 1] ?? [];
    const marks = annotations.flatMap((a) => {
      const symbol = options.symbols[a] ?? parseMarkAnnotation(a)?.symbol;
      if (!symbol) return [];
      used.add(a);
      return [symbol];
    });
    const bold = options.bold && which === ownerIndex;
    if (!bold && marks.length === 0) return name;
    persons.push({
      position,
      bold,
      marks,
      hasSuffix: Boolean(name.suffix),
      ...(name.given ? { given: name.given } : {}),
    });
    return markedName(name, persons.length - 1);
  });
  if (selection.etAl) shown.push({ literal: IR.ET_AL });
  // the names as they are, for what citeproc-js derives from them (the citation label: [BDS23])
  const decorated = item.author ? { ...item, author: shown, [PLAIN_AUTHORS]: authors } : item;
  return { item: decorated as CslItem, persons, usedAnnotations: [...used], ownerIndex };
}

/** Whether a style prints the family and the given names in capitals (text-case="uppercase" on names). */
export interface NameCase {
  readonly family: boolean;
  readonly given: boolean;
}

/** How one printing of a name looks: where the given names stand, and the capitals the style applies. */
export interface NameForm {
  readonly side: 'before' | 'after' | 'none';
  /**
   * citeproc-js does not change the case of text inside inline markup, so marked names would stay mixed case
   * (`DAUDEL, K.; Benton, J.`): the case is learnt from plain names and applied.
   */
  readonly upper: NameCase;
  /**
   * A period printed right after the name that belongs to it (a name-part suffix such as `Benton J.`, outside the
   * inline markup), seen where another name follows, so it is not the end of the list.
   */
  readonly period?: boolean;
}

/**
 * How a style prints names, for the first name of a list and for the others: one form per time the style prints the
 * author list in an entry (most print it once; some print short names in a label and the full list again).
 */
export interface NameLayout {
  readonly first: readonly NameForm[];
  readonly rest: readonly NameForm[];
  /** The locale, for its capitals (Turkish `i` -> `İ`). */
  readonly lang?: string;
  /** The locale's term for "et al." and its words for "and". */
  readonly etAl?: string;
  readonly and?: readonly string[];
}

interface SupRun {
  readonly start: number;
  readonly end: number;
  readonly inner: string;
  readonly person?: number;
}

const SUP_RUN = new RegExp(`${IR.SUP_OPEN}([^${IR.SUP_OPEN}${IR.SUP_CLOSE}]*)${IR.SUP_CLOSE}`, 'g');
/** What may stand between the parts of one name: spaces, commas, periods, and the style's formatting of the parts. */
const NAME_GAP = /^[\s\u00a0,.\uE000-\uE00B]*$/;

function supRuns(ir: string): SupRun[] {
  const runs: SupRun[] = [];
  for (const m of ir.matchAll(SUP_RUN)) {
    const inner = m[1] ?? '';
    let person: number | undefined;
    for (const ch of inner) person ??= personIndex(ch);
    runs.push({ start: m.index, end: m.index + m[0].length, inner, ...(person !== undefined ? { person } : {}) });
  }
  return runs;
}

const PROBE_TITLE = 'Zzyzx';
const PROBE_GIVEN = 'Given';

function probeItem(author: CslName[], i: number) {
  return {
    id: `\u0000bibfolio-probe-${i}`,
    type: 'article-journal',
    title: PROBE_TITLE,
    author,
    issued: { 'date-parts': [[2000]] },
  };
}

/**
 * Four probe items that show how a style prints names: one marked author first, then one marked author between
 * unmarked ones (with a single marked person per item, every name run in the output is that person's); then the same
 * two with no markup at all, which show the case the style gives names.
 */
export function probeItems(): Array<ReturnType<typeof probeItem>> {
  const plainName = (i: number): CslName => ({ family: `Plain${i}`, given: 'Other' });
  const probe: CslName = { family: 'Probe', given: PROBE_GIVEN };
  const marked = markedName(probe, 0);
  return [
    [marked, plainName(1), plainName(2)],
    [plainName(0), marked, plainName(2)],
    [probe, plainName(1), plainName(2)],
    [plainName(0), probe, plainName(2)],
  ].map(probeItem);
}

function sidesIn(probeIr: string): Array<Pick<NameForm, 'side' | 'period'>> {
  const runs = supRuns(probeIr);
  const sides: Array<Pick<NameForm, 'side' | 'period'>> = [];
  runs.forEach((family, at) => {
    if (family.person !== 0) return;
    const before = runs[at - 1];
    const after = runs[at + 1];
    // a neighbouring superscript is the given name only if it reads as one (not a superscript citation number)
    const given = (r: SupRun | undefined): r is SupRun =>
      r !== undefined && r.person === undefined && isGivenForm(r.inner, PROBE_GIVEN);
    if (given(before) && NAME_GAP.test(probeIr.slice(before.end, family.start)))
      sides.push({ side: 'before', period: probeIr[family.end] === '.' });
    else if (given(after) && NAME_GAP.test(probeIr.slice(family.end, after.start)))
      sides.push({ side: 'after', period: probeIr[after.end] === '.' });
    else sides.push({ side: 'none', period: probeIr[family.end] === '.' });
  });
  return sides;
}

/** The case of each printing of the probe name in a plain render: `PROBE`, and `GIVEN` next to it. */
function casesIn(plainIr: string): NameCase[] {
  const text = plain(plainIr);
  return [...text.matchAll(/probe/gi)].map((m) => {
    const near = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12);
    return { family: m[0] === 'PROBE', given: /GIVEN/.test(near) };
  });
}

function forms(markedIr: string, plainIr: string): NameForm[] {
  const sides = sidesIn(markedIr);
  const cases = casesIn(plainIr);
  const count = Math.max(sides.length, 1);
  return Array.from({ length: count }, (_, k) => ({
    side: sides[k]?.side ?? 'none',
    period: sides[k]?.period ?? false,
    upper: cases[k] ?? { family: false, given: false },
  }));
}

/** From the renders of `probeItems()`, in order, in the engine's locale. */
export function learnNameLayout(
  first: string,
  rest: string,
  plainFirst = '',
  plainRest = '',
  terms: { readonly lang?: string; readonly etAl?: string; readonly and?: readonly string[] } = {},
): NameLayout {
  return { first: forms(first, plainFirst), rest: forms(rest, plainRest), ...terms };
}

function upperCase(text: string, lang: string | undefined): string {
  return lang && /^(tr|az|lt)\b/i.test(lang) ? text.toLocaleUpperCase(lang) : text.toUpperCase();
}

const FORMAT_OPEN = /[\uE000\uE002\uE004\uE006\uE008\uE00A]/;
const FORMAT_CLOSE = /[\uE001\uE003\uE005\uE007\uE009\uE00B]/;

/**
 * Widens [start, end) so that the style's formatting inside it is balanced: `SC_OPEN Benton SC_CLOSE, J.` becomes
 * one range that holds the small caps whole. Undefined when the formatting cannot be balanced by widening.
 */
export function balanceRange(ir: string, start: number, end: number): [number, number] | undefined {
  const open: string[] = [];
  const unmatchedClose: string[] = [];
  for (let i = start; i < end; i++) {
    const ch = ir[i] as string;
    if (FORMAT_OPEN.test(ch)) open.push(ch);
    else if (FORMAT_CLOSE.test(ch)) {
      const opener = String.fromCharCode(ch.charCodeAt(0) - 1);
      if (open[open.length - 1] === opener) open.pop();
      else unmatchedClose.push(opener);
    }
  }
  let s = start;
  for (const opener of unmatchedClose) {
    let i = s - 1;
    while (i >= 0 && FORMAT_OPEN.test(ir[i] as string) && ir[i] !== opener) i--;
    if (ir[i] !== opener) return undefined;
    s = i;
  }
  let e = end;
  for (const opener of open.reverse()) {
    const closer = String.fromCharCode(opener.charCodeAt(0) + 1);
    let i = e;
    while (i < ir.length && FORMAT_CLOSE.test(ir[i] as string) && ir[i] !== closer) i++;
    if (ir[i] !== closer) return undefined;
    e = i + 1;
  }
  return s === start && e === end ? [s, e] : balanceRange(ir, s, e);
}

/**
 * Whether the style's own bold is around or inside [start, end) (it bolds every author, or every name part): the
 * owner is then underlined instead, to stand apart.
 */
function boldAround(ir: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = 0; i < start; i++) {
    if (ir[i] === IR.BOLD_OPEN) depth++;
    else if (ir[i] === IR.BOLD_CLOSE) depth--;
  }
  return depth > 0 || ir.slice(start, end).includes(IR.BOLD_OPEN);
}

const fold = (text: string): string =>
  plain(text)
    .replace(/[\s\u00a0.,-]/g, '')
    .toLowerCase();

/** Whether a superscript run is a form of this given name: whole, or its initials (`Joe`, `J.`, `J.-P.`). */
function isGivenForm(inner: string, given: string | undefined): boolean {
  if (!given) return false;
  const text = fold(inner);
  if (text === '') return false;
  const words = given.split(/[\s\u00a0-]+/).filter(Boolean);
  return text === fold(given) || text === words.map((w) => (w[0] ?? '').toLowerCase()).join('');
}

/**
 * Rewrites a rendered entry: each marked person's whole name (as the style prints it, its formatting and case kept)
 * is set apart when it is the owner and followed by its marks; the et-al and elision placeholders become "et al."
 * and "[…]" with the delimiters the style put before them. No superscript of a name is left behind.
 */
export function resolveNames(ir: string, persons: readonly PersonMark[], layout: NameLayout): string {
  const runs = supRuns(ir);
  const claimed = new Set<number>();
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const printings = new Map<number, number>();
  runs.forEach((run, at) => {
    if (run.person === undefined) return;
    const person = persons[run.person];
    if (!person) return;
    let first = at;
    let last = at;
    // the k-th printing of this person's name in the entry takes the k-th form the style prints names in
    const k = printings.get(run.person) ?? 0;
    printings.set(run.person, k + 1);
    const layoutForms = person.position === 0 ? layout.first : layout.rest;
    const form = layoutForms[Math.min(k, layoutForms.length - 1)] ?? {
      side: 'none',
      upper: { family: false, given: false },
    };
    const { side, upper, period } = form;
    const neighbour = (j: number, gapFrom: number, gapTo: number): boolean => {
      const r = runs[j];
      return r !== undefined && r.person === undefined && !claimed.has(j) && NAME_GAP.test(ir.slice(gapFrom, gapTo));
    };
    const before = (): boolean => neighbour(at - 1, runs[at - 1]?.end ?? 0, run.start);
    const after = (): boolean => neighbour(at + 1, run.end, runs[at + 1]?.start ?? 0);
    const givenAt = (j: number): boolean => isGivenForm((runs[j] as SupRun).inner, person.given);
    if (side === 'before' && before() && givenAt(at - 1)) first = at - 1;
    if (side === 'after' && after() && givenAt(at + 1)) last = at + 1;
    // the probe (a journal article) showed no given names, but this type has them: a form of this person's given
    // name right next to the family name is theirs
    if (side === 'none') {
      if (after() && givenAt(at + 1)) last = at + 1;
      else if (before() && givenAt(at - 1)) first = at - 1;
    }
    // a suffix (Jr.) follows the rest of the name
    if (person.hasSuffix && neighbour(last + 1, runs[last]?.end ?? 0, runs[last + 1]?.start ?? 0)) last += 1;
    for (let j = first; j <= last; j++) claimed.add(j);
    const runStart = (runs[first] as SupRun).start;
    // a name-part suffix the style prints outside the markup (`Benton J.`) is part of the name
    const runEnd = (runs[last] as SupRun).end + (period && ir[(runs[last] as SupRun).end] === '.' ? 1 : 0);
    const balanced = balanceRange(ir, runStart, runEnd);
    // formatting that cannot be balanced: the parts are set apart one by one
    const pieces: Array<[number, number]> = balanced
      ? [balanced]
      : runs.slice(first, last + 1).map((r): [number, number] => [r.start, r.end]);
    pieces.forEach(([start, end], p) => {
      let name = '';
      let cursor = start;
      for (let j = first; j <= last; j++) {
        const r = runs[j] as SupRun;
        if (r.start < start || r.end > end) continue;
        const isFamily = r.person !== undefined;
        name +=
          ir.slice(cursor, r.start) +
          (upper[isFamily ? 'family' : 'given'] ? upperCase(r.inner, layout.lang) : r.inner);
        cursor = r.end;
      }
      name = (name + ir.slice(cursor, end)).replace(/[\uE004\uE005]/g, '').replace(/[\uE100-\uF7FF]/g, '');
      const [open, close] = !person.bold
        ? ['', '']
        : boldAround(ir, start, end)
          ? [IR.OWNER_UNDERLINE_OPEN, IR.OWNER_UNDERLINE_CLOSE]
          : [IR.OWNER_OPEN, IR.OWNER_CLOSE];
      const marks = p === pieces.length - 1 ? person.marks.map((m) => IR.MARK_OPEN + m + IR.MARK_CLOSE).join('') : '';
      edits.push({ start, end, text: open + name + close + marks });
    });
  });
  // a given name the style printed away from its family name is never left as a superscript
  runs.forEach((run, at) => {
    if (claimed.has(at) || run.person !== undefined) return;
    if (persons.some((p) => isGivenForm(run.inner, p.given)))
      edits.push({ start: run.start, end: run.end, text: run.inner });
  });
  let out = ir;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return resolvePlaceholders(out, layout);
}

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The word for "and" before the last name, from the locale's terms where known; never "et al." after "and". */
const AND_WORDS = [
  '&',
  'and',
  'und',
  'et',
  'y',
  'e',
  'en',
  've',
  'och',
  'og',
  'i',
  'és',
  'a',
  'ja',
  'un',
  'ir',
  'и',
  'та',
  'і',
  'και',
  'và',
  'dan',
];

function etAlPattern(and: readonly string[]): RegExp {
  const words = [...new Set([...and, ...AND_WORDS])]
    .sort((x, y) => y.length - x.length)
    .map(escapeRe)
    .join('|');
  // the style's formatting of the name part may open right before the placeholder: it is kept
  return new RegExp(
    `(,)?([\\s\\u00a0]*)([\\uE000-\\uE00B]*)(?:(?:&|(?<![\\p{L}])(?:${words}))[\\s\\u00a0]+)?([\\uE000-\\uE00B]*)${IR.ET_AL}`,
    'gu',
  );
}
const ELISION_RE = new RegExp(`${IR.ELISION}`, 'g');
const patterns = new Map<string, RegExp>();

/**
 * "et al." (in the locale's own words: "u. a.", "e.a.") where the list is cut, with the delimiter the style put
 * before it, and "[…]" where names were left out before the owner. A period the style puts right after the names is
 * not doubled.
 */
function resolvePlaceholders(ir: string, layout: NameLayout): string {
  const etAl = layout.etAl ?? 'et al.';
  const key = (layout.and ?? []).join('\u0000');
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = etAlPattern(layout.and ?? []);
    patterns.set(key, pattern);
  }
  // a space before "et al." where the style put one (or a comma); none after a slash (`Farhi/u. a.`)
  let out = ir.replace(
    pattern,
    (_m, comma: string | undefined, space: string, format: string, inner: string) =>
      `${comma ?? ''}${comma || space ? ' ' : ''}${format}${inner}${etAl}`,
  );
  if (etAl.endsWith('.')) {
    out = out.replace(new RegExp(`( ${escapeRe(etAl)})([\\uE000-\\uF8FF]*)\\.`, 'g'), '$1$2');
  }
  return out.replace(ELISION_RE, '[…]');
}
