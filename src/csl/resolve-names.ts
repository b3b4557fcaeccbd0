/**
 * A rendered entry's marked persons resolved (see csl/authors.ts): each marked person's whole name, as the style
 * prints it, set apart when it is the owner and followed by its marks; the et-al and elision placeholders as words.
 */
import { IR } from './ir.js';
import type { NameLayout, PersonMark, SupRun } from './authors.js';
import { isGivenForm, NAME_GAP, supRuns } from './name-layout.js';

/** How a lab member's name is set apart (the owner's is bold, or underlined where the style bolds names). */
const MEMBER_EMPHASIS: Readonly<Record<'bold' | 'underline' | 'italic', readonly [string, string]>> = {
  bold: [IR.BOLD_OPEN, IR.BOLD_CLOSE],
  underline: [IR.UNDERLINE_OPEN, IR.UNDERLINE_CLOSE],
  italic: [IR.ITALIC_OPEN, IR.ITALIC_CLOSE],
};

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
      const [open, close] = person.bold
        ? boldAround(ir, start, end)
          ? [IR.OWNER_UNDERLINE_OPEN, IR.OWNER_UNDERLINE_CLOSE]
          : [IR.OWNER_OPEN, IR.OWNER_CLOSE]
        : person.emphasis
          ? MEMBER_EMPHASIS[person.emphasis]
          : ['', ''];
      const marks = p === pieces.length - 1 ? person.marks.map((m) => IR.MARK_OPEN + m + IR.MARK_CLOSE).join('') : '';
      const set = open + name + close;
      // a co-author's page: the whole name is the link (the marks stay outside it)
      const linked =
        person.link && pieces.length === 1 ? IR.LINK_OPEN + person.link + IR.LINK_TEXT + set + IR.LINK_CLOSE : set;
      edits.push({ start, end, text: linked + marks });
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
  // a space before "et al." where the style put one (or a comma); none after a slash (`Farhi/u. a.`). The pattern
  // has no fixed start, so it is tried at every place of the entry: only an entry with the placeholder is searched
  let out = ir.includes(IR.ET_AL)
    ? ir.replace(
        pattern,
        (_m, comma: string | undefined, space: string, format: string, inner: string) =>
          `${comma ?? ''}${comma || space ? ' ' : ''}${format}${inner}${etAl}`,
      )
    : ir;
  if (etAl.endsWith('.')) {
    out = out.replace(new RegExp(`( ${escapeRe(etAl)})([\\uE000-\\uF8FF]*)\\.`, 'g'), '$1$2');
  }
  return out.replace(ELISION_RE, '[…]');
}
