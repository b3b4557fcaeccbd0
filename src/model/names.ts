/**
 * Personal names: folding for comparison, and matching the owner on the structured name.
 *
 * A name matches the owner when the family names are equal after folding (accents, case, particles, hyphens and
 * apostrophes ignored) and the given names are compatible word by word: equal, or an initial of the owner's word
 * (`J.` for `Joe`, `J.-P.` for `Jean-Pierre`). A name with no given name never matches, and `Jane Benton` never
 * matches `Joe Benton`. Each configured variant (former names, middle names) is matched the same way.
 */
import { lookupTable } from './lookup-table.js';

export interface PersonName {
  readonly family?: string;
  readonly given?: string;
  readonly 'non-dropping-particle'?: string;
  readonly 'dropping-particle'?: string;
  readonly suffix?: string;
  readonly literal?: string;
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = lookupTable({
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ĳ: 'ij',
});

const folded = new Map<string, string>();

/** Lower-case, accents removed, special letters spelled in ASCII. Memoised: the same names come back in every entry. */
export function foldText(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = /^[\x00-\x7f]*$/.test(text)
      ? text.toLowerCase()
      : text
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/[ßæœøłđðþıĳ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
    if (folded.size > 100_000) folded.clear();
    folded.set(text, out);
  }
  return out;
}

/** A family name (with its particles) folded to letters only: `van der Weij` -> `vanderweij`. */
export function foldFamily(name: PersonName): string {
  const parts = [name['non-dropping-particle'], name['dropping-particle'], name.family ?? name.literal];
  return foldText(parts.filter(Boolean).join(' ')).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Given-name words, each a list of hyphen-separated pieces, folded, with initials' dots removed. */
export function givenWords(given: string | undefined): string[][] {
  if (!given) return [];
  return foldText(given)
    .replace(/\.(?![\s-]|$)/g, '. ') // `J.R.` -> `J. R.`, but `J.-P.` stays one word
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) =>
      w
        .split('-')
        .map((p) => p.replace(/[^\p{L}\p{N}]/gu, ''))
        .filter(Boolean),
    )
    .filter((w) => w.length > 0);
}

function piecesCompatible(candidate: string, reference: string): boolean {
  if (candidate === reference) return true;
  if (candidate.length === 1) return reference.startsWith(candidate);
  if (reference.length === 1) return candidate.startsWith(reference);
  return false;
}

function wordCompatible(candidate: string[], reference: string[]): boolean {
  // `J.-P.` ~ `Jean-Pierre`; `JP` (Vancouver-style initials) ~ `Jean-Pierre`.
  if (candidate.length === reference.length) return candidate.every((p, i) => piecesCompatible(p, reference[i] ?? ''));
  if (candidate.length === 1 && /^[a-z]{2,3}$/.test(candidate[0] ?? '') && reference.length > 1) {
    return [...(candidate[0] ?? '')].every((ch, i) => (reference[i] ?? '').startsWith(ch));
  }
  return false;
}

/** True when `candidate`'s given name could be written for `reference`'s given name. */
export function givenCompatible(candidate: string | undefined, reference: string | undefined): boolean {
  const cand = givenWords(candidate);
  const ref = givenWords(reference);
  if (cand.length === 0 || ref.length === 0) return false;
  // The candidate may leave out trailing middle names, not the first given name.
  if (cand.length > ref.length) return false;
  return cand.every((w, i) => wordCompatible(w, ref[i] ?? []));
}

export function sameFamily(a: PersonName, b: PersonName): boolean {
  const fa = foldFamily(a);
  return fa !== '' && fa === foldFamily(b);
}

/** Matches names against the owner's name and its configured variants. */
export class OwnerMatcher {
  constructor(readonly forms: readonly PersonName[]) {}

  matches(name: PersonName): boolean {
    return this.forms.some((form) => sameFamily(name, form) && givenCompatible(name.given, form.given));
  }

  /** Index of the first author that is the owner, or -1. */
  indexIn(names: readonly PersonName[]): number {
    return names.findIndex((n) => this.matches(n));
  }
}

/** The display form `Given Family` of a structured name. */
export function displayName(name: PersonName): string {
  if (name.literal) return name.literal;
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
    .filter(Boolean)
    .join(' ');
}
