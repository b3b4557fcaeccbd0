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
import type { CslItem, CslName } from '../csl/types.js';
import type { OwnerMatcher } from '../model/names.js';
import { IR, personChar, personIndex } from './ir.js';

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

export interface PersonMark {
  /** Position in the list handed to citeproc-js. */
  readonly position: number;
  readonly bold: boolean;
  readonly hasSuffix: boolean;
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
      const symbol = options.symbols[a];
      if (!symbol) return [];
      used.add(a);
      return [symbol];
    });
    const bold = options.bold && which === ownerIndex;
    if (!bold && marks.length === 0) return name;
    persons.push({ position, bold, marks, hasSuffix: Boolean(name.suffix) });
    return markedName(name, persons.length - 1);
  });
  if (selection.etAl) shown.push({ literal: IR.ET_AL });
  const decorated = item.author ? { ...item, author: shown } : item;
  return { item: decorated as CslItem, persons, usedAnnotations: [...used], ownerIndex };
}

/** Where a style puts given names relative to the family name, for the first name of a list and for the others. */
export interface NameLayout {
  readonly first: 'before' | 'after' | 'none';
  readonly rest: 'before' | 'after' | 'none';
}

interface SupRun {
  readonly start: number;
  readonly end: number;
  readonly inner: string;
  readonly person?: number;
}

const SUP_RUN = new RegExp(`${IR.SUP_OPEN}([^${IR.SUP_OPEN}${IR.SUP_CLOSE}]*)${IR.SUP_CLOSE}`, 'g');
const NAME_GAP = /^[\s\u00a0,.]*$/;

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

/**
 * Two probe items that show where a style puts given names: one marked author first, then one marked author
 * between unmarked ones. With a single marked person per item, every name run in the output is that person's.
 */
export function probeItems(): Array<{ id: string; type: string; title: string; author: CslName[]; issued: object }> {
  const plainName = (i: number): CslName => ({ family: `Plain${i}`, given: 'Other' });
  const marked = markedName({ family: 'Probe', given: 'Given' }, 0);
  return [
    [marked, plainName(1), plainName(2)],
    [plainName(0), marked, plainName(2)],
  ].map((author, i) => ({
    id: `\u0000bibfolio-probe-${i}`,
    type: 'article-journal',
    title: 'Probe',
    author,
    issued: { 'date-parts': [[2000]] },
  }));
}

function sideIn(probeIr: string): NameLayout['first'] {
  const runs = supRuns(probeIr);
  const at = runs.findIndex((r) => r.person === 0);
  const family = runs[at];
  if (!family) return 'none';
  const before = runs[at - 1];
  const after = runs[at + 1];
  if (before && NAME_GAP.test(probeIr.slice(before.end, family.start))) return 'before';
  if (after && NAME_GAP.test(probeIr.slice(family.end, after.start))) return 'after';
  return 'none';
}

/** From the renders of `probeItems()`, in order. */
export function learnNameLayout(first: string, rest: string): NameLayout {
  return { first: sideIn(first), rest: sideIn(rest) };
}

/**
 * Rewrites a rendered entry: each marked person's whole name becomes bold (owner) and is followed by its marks; the
 * et-al and elision placeholders become "et al." and "[…]" with the delimiters the style put before them.
 */
export function resolveNames(ir: string, persons: readonly PersonMark[], layout: NameLayout): string {
  const runs = supRuns(ir);
  const claimed = new Set<number>();
  const edits: Array<{ start: number; end: number; text: string }> = [];
  runs.forEach((run, at) => {
    if (run.person === undefined) return;
    const person = persons[run.person];
    if (!person) return;
    let first = at;
    let last = at;
    const side = person.position === 0 ? layout.first : layout.rest;
    const neighbour = (j: number, gapFrom: number, gapTo: number): boolean => {
      const r = runs[j];
      return r !== undefined && r.person === undefined && !claimed.has(j) && NAME_GAP.test(ir.slice(gapFrom, gapTo));
    };
    if (side === 'before' && neighbour(at - 1, runs[at - 1]?.end ?? 0, run.start)) first = at - 1;
    if (side === 'after' && neighbour(at + 1, run.end, runs[at + 1]?.start ?? 0)) last = at + 1;
    // a suffix (Jr.) follows the rest of the name
    if (person.hasSuffix && neighbour(last + 1, runs[last]?.end ?? 0, runs[last + 1]?.start ?? 0)) last += 1;
    for (let j = first; j <= last; j++) claimed.add(j);
    const start = (runs[first] as SupRun).start;
    const end = (runs[last] as SupRun).end;
    const name = ir
      .slice(start, end)
      .replace(/[\uE004\uE005]/g, '')
      .replace(/[\uE100-\uF7FF]/g, '');
    const body = person.bold ? IR.BOLD_OPEN + name + IR.BOLD_CLOSE : name;
    const marks = person.marks.map((m) => IR.MARK_OPEN + m + IR.MARK_CLOSE).join('');
    edits.push({ start, end, text: body + marks });
  });
  let out = ir;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return resolvePlaceholders(out);
}

const AND_WORDS = '(?:&|and|und|et|y|e|en)';
const ET_AL_RE = new RegExp(`(,)?[\\s\\u00a0]*(?:${AND_WORDS}[\\s\\u00a0]+)?${IR.ET_AL}`, 'g');
const ELISION_RE = new RegExp(`${IR.ELISION}`, 'g');

/** "et al." ends with a period: a period the style puts right after the names is not doubled. */
const DOUBLE_PERIOD = /( et al\.)([\uE000-\uF8FF]*)\./g;

function resolvePlaceholders(ir: string): string {
  return ir
    .replace(ET_AL_RE, (_m, comma: string | undefined) => `${comma ?? ''} et al.`)
    .replace(DOUBLE_PERIOD, '$1$2')
    .replace(ELISION_RE, '[…]');
}
