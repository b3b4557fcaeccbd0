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
import type { CoauthorLinks, Member } from '../model/people.js';
import { IR, personChar } from './ir.js';

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
  /** A member of the lab (config `people`) other than the owner: how their name is set apart. */
  readonly emphasis?: 'bold' | 'underline' | 'italic';
  /** A co-author's page (config `coauthors`): the name links to it. */
  readonly link?: string;
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
  /** The lab's members, set apart besides the owner (config `people`). */
  readonly members?: readonly Member[];
  /** Co-authors whose names link to their pages (config `coauthors`). */
  readonly coauthors?: CoauthorLinks;
}

const sup = (text: string): string => `<sup>${text}</sup>`;

/**
 * citeproc-js's tests for names in scripts with given and family names apart (its ROMANESQUE_REGEXP and
 * STARTSWITH_ROMANESQUE_REGEXP: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai); a name with neither (CJK) prints as
 * family and given names together, `森尾学`. Applied to the name before its markup, whose own letters would pass.
 * (test/render/owner-and-marks.test.ts compares them with citeproc-js's.)
 */
export const ROMANESQUE =
  /[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]/;
export const STARTS_ROMANESQUE =
  /^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]/;

export function markedName(name: CslName, index: number): CslName {
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family ?? name.literal]
    .filter(Boolean)
    .join(' ');
  if (name.family && name.given && !ROMANESQUE.test(family) && !STARTS_ROMANESQUE.test(name.given)) {
    // as citeproc-js prints it unmarked, in every style: family name first, given name after it, no space between
    return { literal: sup(family + name.given + personChar(index)) };
  }
  // citeproc-js would read trailing lower-case words of the given name as particles and split the markup around them
  const out: Record<string, string | boolean> = { family: sup(family + personChar(index)), 'parse-names': false };
  if (name.given) out.given = sup(name.given);
  if (name.suffix) out.suffix = sup(name.suffix);
  return out as CslName;
}

export function decorateAuthors(item: CslItem, options: AuthorOptions): DecoratedAuthors {
  const authors = item.author ?? [];
  const ownerIndex = options.owner ? options.owner.indexIn(authors) : -1;
  // on a lab's list, a paper without the owner never hides the first member among its authors either
  const anchor =
    ownerIndex >= 0 || !options.members?.length
      ? ownerIndex
      : authors.findIndex((a) => options.members?.some((m) => m.matcher.matches(a)));
  const selection = selectAuthors(authors.length, anchor, options.maxAuthors, item.custom.truncated);
  const persons: PersonMark[] = [];
  const used = new Set<string>();
  const shown: CslName[] = selection.shown.map((which, position) => {
    if (which === 'elision') return { literal: IR.ELISION };
    const name = authors[which] as CslName;
    const isOwner = which === ownerIndex;
    const member = isOwner ? undefined : options.members?.find((m) => m.matcher.matches(name));
    const annotations = [
      ...(item.custom.authorAnnotations[which + 1] ?? []),
      ...(member?.annotation ? [member.annotation] : []),
    ];
    const marks = annotations.flatMap((a) => {
      const symbol = options.symbols[a] ?? parseMarkAnnotation(a)?.symbol;
      if (!symbol) return [];
      used.add(a);
      return [symbol];
    });
    const bold = options.bold && isOwner;
    const emphasis = member && member.style !== 'mark' ? member.style : undefined;
    const link = isOwner ? undefined : options.coauthors?.linkFor(name);
    if (!bold && marks.length === 0 && !emphasis && !link) return name;
    persons.push({
      position,
      bold,
      marks,
      ...(emphasis ? { emphasis } : {}),
      ...(link ? { link } : {}),
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

export interface SupRun {
  readonly start: number;
  readonly end: number;
  readonly inner: string;
  readonly person?: number;
}
