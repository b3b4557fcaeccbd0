/**
 * BibTeX name lists as BibTeX reads them (`A and B and C`, split at a top-level "and"), and the ways real files get
 * them wrong: people joined by commas (`Ryszard Michalski, Jaime G. Carbonell, and Tom M. Mitchell`: bibtex says
 * "has a comma at the end"), or "Family, Initials" pairs joined by commas (`Miller, D., Firby, J. and Dean, T.`:
 * "too many commas", and biber skips the entry). Pure.
 *
 * A list is repaired only where one reading is possible; otherwise the trouble is named and nothing is guessed.
 */
import { MARK_CHARACTERS } from './mark-characters.js';

/** Fields that hold a list of names (BibTeX and biblatex). */
export const NAME_FIELDS: ReadonlySet<string> = new Set([
  'author',
  'editor',
  'translator',
  'bookauthor',
  'commentator',
  'annotator',
  'introduction',
  'foreword',
  'afterword',
  'holder',
  'editora',
  'editorb',
  'editorc',
]);

const SPACE = /\s/;

/** Whether the character at `i` (code `c`) is white space: only there can a word or " and " separator start. */
function isSpaceAt(value: string, i: number, c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && SPACE.test(value[i] as string));
}

/**
 * Splits at brace depth 0 into pieces; `separator` says what splits (a word, or a comma). It is tried only where it
 * can start: at a comma, or at white space. Read by character codes: this runs over every name field of a store.
 */
function splitTopLevel(value: string, separator: RegExp): string[] {
  const comma = separator.source === ',';
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */) depth--;
    else if (depth === 0 && (comma ? c === 0x2c : isSpaceAt(value, i, c))) {
      separator.lastIndex = i;
      const m = separator.exec(value);
      if (m) {
        pieces.push(value.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  pieces.push(value.slice(start));
  return pieces;
}

/** The names of a list, as BibTeX splits them. */
export function splitNames(value: string): string[] {
  return splitTopLevel(value, /\s+and\s+/iy).map((n) => n.trim());
}

/** The comma-separated parts of one name, at brace depth 0. */
function commaParts(name: string): string[] {
  return splitTopLevel(name, /,/y).map((p) => p.trim());
}

const SUFFIX = /^(?:jr\.?|sr\.?|junior|senior|i{2,3}|iv|v|vi{1,3}|\d+(?:st|nd|rd|th))$/i;
/** Initials only: `D.`, `J. R.`, `J.-P.`, `JR` (two capitals), `M` */
const INITIALS = /^(?:\p{Lu}\.?(?:[\s-]*\p{Lu}\.?){0,3})$/u;
/** Words that begin family names ("De Bortoli", "Van der Weij", "Von Neumann"), not given names. */
const FAMILY_PARTICLE = /^(?:de|del|della|der|den|di|da|das|do|dos|du|la|le|van|von|vom|zu|zum|ten|ter)$/i;
/**
 * A given-first name: two or more words, the first capitalised and no family-name particle, none of them a lone
 * suffix, the last not an initial (a family name is not an initial). So "De Bortoli, Samuel R." and "De Bortoli,
 * Chen Bo" are one person each, family first; "Garcia Marquez, Gabriel Jose" stays ambiguous.
 */
function isGivenFirst(part: string): boolean {
  // words outside braces: `Dvo{\v r}{\'a}k` is one word
  const words = splitTopLevel(part, /\s+/y).filter(Boolean);
  return (
    words.length >= 2 &&
    /^[\p{Lu}{\\]/u.test(words[0] ?? '') &&
    !FAMILY_PARTICLE.test(words[0] ?? '') &&
    !words.some((w) => SUFFIX.test(w)) &&
    !INITIALS.test(words[words.length - 1] ?? '')
  );
}
function isFamily(part: string): boolean {
  return part !== '' && !INITIALS.test(part) && !SUFFIX.test(part);
}

/** biber's name parts, as its extended name format writes them (`family=Zerda, given=Adam, prefix=de la`). */
const EXTENDED_KEYS = new Set([
  'family',
  'given',
  'prefix',
  'suffix',
  'useprefix',
  'family-i',
  'given-i',
  'prefix-i',
  'suffix-i',
]);

/**
 * A name in biblatex's extended name format, read into its parts (`family`, `given`, `prefix`, `suffix`, values
 * without their braces or quotes), or undefined for a name in BibTeX's own format.
 */
export function extendedName(name: string): Readonly<Record<string, string>> | undefined {
  if (!name.includes('=')) return undefined;
  const parts: Record<string, string> = {};
  for (const part of commaParts(name)) {
    const m = /^([A-Za-z][A-Za-z-]*)\s*=\s*(.*)$/s.exec(part);
    if (!m || !EXTENDED_KEYS.has((m[1] ?? '').toLowerCase())) return undefined;
    let value = (m[2] ?? '').trim();
    if (/^\{.*\}$/s.test(value) || /^".*"$/s.test(value)) value = value.slice(1, -1);
    parts[(m[1] ?? '').toLowerCase()] = value;
  }
  return parts.family !== undefined || parts.given !== undefined ? parts : undefined;
}

/** An extended-format name in BibTeX's format (`de la Zerda, Adam`), for bibtex, which does not read the other. */
export function extendedToBibtex(parts: Readonly<Record<string, string>>): string {
  const family = [parts.prefix, parts.family].filter(Boolean).join(' ');
  const braced = /,/.test(family) ? `{${family}}` : family;
  return [braced, parts.suffix, parts.given].filter((p) => p !== undefined && p !== '').join(', ');
}

export type NameListTrouble = 'comma-at-end' | 'too-many-commas' | 'commas-between-people';

export interface NameTrouble {
  /** The name as BibTeX splits it. */
  readonly name: string;
  readonly trouble: NameListTrouble;
  /** The names it is read as, when there is one reading; absent when only a person can tell. */
  readonly repair?: readonly string[];
  /** bibtex or biber stop on it or skip the entry, as it is. */
  readonly fatal: boolean;
}

export interface NameListReading {
  /** The list with every repair applied. */
  readonly text: string;
  readonly troubles: readonly NameTrouble[];
}

/**
 * Reads a name list for the troubles above and repairs what has one reading:
 * - people in "Given Family" form joined by commas, when the name cannot be one person (a comma at the end, or more
 *   parts than "Family, Jr, Given" has), become separate names;
 * - "Family, Initials" pairs joined by commas become separate names;
 * - a lone comma at the end of "Family, Given," is dropped.
 * Two given-first parts (`Ryszard Michalski, Jaime G. Carbonell`) are flagged but kept: BibTeX reads them as one
 * person, and "Garcia Marquez, Gabriel Jose" has the same shape.
 */
export function readNameList(value: string): NameListReading {
  const names = splitNames(value);
  const troubles: NameTrouble[] = [];
  const out: string[] = [];
  for (const name of names) {
    if (extendedName(name)) {
      out.push(name);
      continue;
    }
    const raw = commaParts(name);
    const parts = raw.filter((p) => p !== '');
    const endsWithComma = raw.length > 1 && raw[raw.length - 1] === '';
    const emptyInside = raw.slice(0, -1).includes('');
    const fatal = endsWithComma || raw.length > 3 || emptyInside;
    let repair: string[] | undefined;
    let trouble: NameListTrouble | undefined;
    if (parts.length >= 2 && parts.every(isGivenFirst)) {
      trouble = 'commas-between-people';
      if (fatal || parts.length >= 3) repair = parts;
    } else if (parts.length >= 4 && parts.length % 2 === 0 && pairsOfFamilyAndInitials(parts)) {
      trouble = 'too-many-commas';
      repair = [];
      for (let i = 0; i < parts.length; i += 2)
        repair.push(`${(parts[i] ?? '').replace(AMPERSAND, '')}, ${(parts[i + 1] ?? '').replace(/\.{2,}$/, '.')}`);
    } else if (endsWithComma && !emptyInside && parts.length <= 3) {
      trouble = 'comma-at-end';
      repair = [parts.join(', ')];
    } else if (fatal) {
      trouble = raw.length > 3 ? 'too-many-commas' : 'comma-at-end';
    }
    if (trouble) troubles.push(repair ? { name, trouble, repair, fatal } : { name, trouble, fatal });
    out.push(...(repair ?? [name]));
  }
  return { text: troubles.some((t) => t.repair) ? out.join(' and ') : value, troubles };
}

/** The `&` before the last person of a list pasted from an APA reference (`Doe, J., & Roe, R.`). */
const AMPERSAND = /^\\?&\s+/;
/** Marks after initials (`A.*`, `B.\textsuperscript{\dag}`: see conventions/name-marks.ts) and a sentence's period. */
const AFTER_INITIALS = new RegExp(
  `(?:[${MARK_CHARACTERS}]|\\$\\^[^$]*\\$|\\^\\{[^{}]*\\}|\\\\textsuperscript\\{[^{}]*\\})+$|(?<=\\.)\\.+$`,
  'u',
);

/**
 * A name with more commas than "Family, Jr, Given" has, as bibtex reads it after its "too many commas" error: the
 * first part the family, the second the suffix, everything after the second comma the given name (braced, so that
 * its commas stay in it). Nothing of it is lost from a list, and it reads as the store's LaTeX output does.
 */
export function asBibtexReadsIt(name: string): string {
  const parts = commaParts(name);
  if (parts.length <= 3 || extendedName(name)) return name;
  return `${parts[0]}, ${parts[1]}, {${parts.slice(2).join(', ')}}`;
}

function pairsOfFamilyAndInitials(parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i += 2) {
    const family = (parts[i] ?? '').replace(AMPERSAND, '');
    if (!isFamily(family) || !INITIALS.test((parts[i + 1] ?? '').replace(AFTER_INITIALS, ''))) return false;
  }
  return true;
}

export const TROUBLE_TEXT: Readonly<Record<NameListTrouble, string>> = {
  'comma-at-end': 'has a comma at the end',
  'too-many-commas': 'has more commas than "Family, Jr, Given" allows (people joined by commas?)',
  'commas-between-people': 'joins people with commas; separate them with "and"',
};
