/**
 * Personal names: folding for comparison, and matching the owner on the structured name.
 *
 * A name matches the owner when the family names agree after folding (accents, case, particles, hyphens, spaces and
 * apostrophes ignored), the whole family name or its last word (`Schaposnik Massolo, Fidel I.` is the owner
 * configured as "Fidel I. Schaposnik Massolo"), and the given names agree word by word as far as both go: equal, or
 * an initial of the other's word (`J.` for `Joe`, `J.-P.` for `Jean-Pierre`), so a middle name or initial present on
 * one side only still matches (`W. J. Handley` is "Will Handley"), and a different first initial never does
 * (`Jane Benton` is not "Joe Benton"). A name with no given name matches only a configured form with none either (a
 * one-word or CJK name, `付乃锋`). Each configured variant (former names, middle names) is matched the same way.
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

/** A memo of a function of a string, cleared when it grows past 100,000 strings. */
function memoised(compute: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = compute(text);
      if (memo.size > 100_000) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

const lettersOnly = memoised((text) => foldText(text).replace(/[^\p{L}\p{N}]/gu, ''));

/**
 * A family name (with its particles) folded to letters only: `van der Weij` -> `vanderweij`. Memoised: every entry
 * of a long list asks it of every author (it was a tenth of a 10,000-entry list's time).
 */
export function foldFamily(name: PersonName): string {
  const ndp = name['non-dropping-particle'];
  const dp = name['dropping-particle'];
  const family = name.family ?? name.literal;
  if (!ndp && !dp) return family ? lettersOnly(family) : '';
  return lettersOnly([ndp, dp, family].filter(Boolean).join(' '));
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

/**
 * Vancouver-style initials run together in capitals (`Trevail, AM`, as PubMed writes them): one initial per letter,
 * standing for the reference's given names and their hyphenated pieces in order, as far as both go.
 */
function initialsRunCompatible(run: string, ref: readonly string[][]): boolean {
  const letters = [...foldText(run)];
  const pieces = ref.flat();
  const shared = Math.min(letters.length, pieces.length);
  for (let i = 0; i < shared; i++) if (!(pieces[i] ?? '').startsWith(letters[i] ?? '')) return false;
  return shared > 0;
}

const INITIALS_RUN = /^\p{Lu}{2,3}$/u;

function onlyInitials(words: readonly string[][]): boolean {
  return words.every((w) => w.every((p) => p.length === 1));
}

/** Initials against given names' pieces in order, as far as both go. */
function initialsCompatible(initials: readonly string[], pieces: readonly string[]): boolean {
  const shared = Math.min(initials.length, pieces.length);
  for (let i = 0; i < shared; i++) if (!(pieces[i] ?? '').startsWith(initials[i] ?? '')) return false;
  return shared > 0;
}

/** True when `candidate`'s given name could be written for `reference`'s given name. */
export function givenCompatible(candidate: string | undefined, reference: string | undefined): boolean {
  const cand = givenWords(candidate);
  const ref = givenWords(reference);
  if (cand.length === 0 || ref.length === 0) return false;
  // the same letters, split otherwise: `Jinguo`, `Jin Guo`, `Jin-Guo` (a romanised given name written three ways)
  if (cand.flat().join('') === ref.flat().join('') && cand.flat().every((p) => p.length > 1)) return true;
  const run = candidate?.trim() ?? '';
  if (INITIALS_RUN.test(run)) return initialsRunCompatible(run, ref);
  // as far as both go: a middle name or initial on one side only does not tell two people apart
  const shared = Math.min(cand.length, ref.length);
  let wordByWord = true;
  for (let i = 0; i < shared; i++) if (!wordCompatible(cand[i] ?? [], ref[i] ?? [])) wordByWord = false;
  if (wordByWord) return true;
  // initials only, one per hyphenated piece too: `P. C.` for `Paul-Christian`, `Paul-Christian` for `P. C.`
  if (onlyInitials(cand)) return initialsCompatible(cand.flat(), ref.flat());
  if (onlyInitials(ref)) return initialsCompatible(ref.flat(), cand.flat());
  return false;
}

const lastWord = memoised((family) => {
  const words = foldText(family)
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  return words[words.length - 1] ?? '';
});

/** The last word of a family name, folded (`Schaposnik Massolo` -> `massolo`). */
function lastFamilyWord(name: PersonName): string {
  return lastWord(name.family ?? name.literal ?? '');
}

/** The same family name: folded equal, or one side's whole family name is the other's last word. */
export function sameFamily(a: PersonName, b: PersonName): boolean {
  const fa = foldFamily(a);
  const fb = foldFamily(b);
  if (fa === '' || fb === '') return false;
  return fa === fb || fa === lastFamilyWord(b) || fb === lastFamilyWord(a);
}

/** A family name's words, folded to letters (`Sanchez del Rio` -> `sanchez`, `del`, `rio`). */
function familyWords(name: PersonName): string[] {
  const family = [name['non-dropping-particle'], name['dropping-particle'], name.family ?? name.literal];
  return foldText(family.filter(Boolean).join(' '))
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

/**
 * The same person with part of the family name read as given names: "Manuel Sanchez del Rio" (BibTeX: given
 * "Manuel Sanchez", family "del Rio") and "Sanchez del Rio, Manuel". The words `long` has before `short`'s family name
 * must be the last words of `short`'s given names, whole, and the given names left must agree.
 */
function familyReadAsGiven(short: PersonName, long: PersonName): boolean {
  const shortFamily = familyWords(short);
  const longFamily = familyWords(long);
  const moved = longFamily.length - shortFamily.length;
  if (moved <= 0 || shortFamily.length === 0) return false;
  if (longFamily.slice(moved).join(' ') !== shortFamily.join(' ')) return false;
  const given = (short.given ?? '').trim().split(/\s+/);
  if (given.length <= moved) return false;
  const movedGiven = given.slice(-moved).map((w) => foldText(w).replace(/[^\p{L}\p{N}]/gu, ''));
  return (
    movedGiven.join(' ') === longFamily.slice(0, moved).join(' ') &&
    givenCompatible(given.slice(0, -moved).join(' '), long.given)
  );
}

/** Matches names against the owner's name and its configured variants. */
export class OwnerMatcher {
  constructor(readonly forms: readonly PersonName[]) {}

  matches(name: PersonName): boolean {
    return this.forms.some((form) =>
      form.given === undefined || form.given.trim() === ''
        ? !name.given && foldFamily(name) !== '' && foldFamily(name) === foldFamily(form)
        : (sameFamily(name, form) && givenCompatible(name.given, form.given)) ||
          // asked only when the rule above fails and the two family names end alike
          (lastFamilyWord(name) === lastFamilyWord(form) &&
            (familyReadAsGiven(name, form) || familyReadAsGiven(form, name))),
    );
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
