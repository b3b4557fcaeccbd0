/**
 * Citation keys for new entries, in the store's own pattern: detected from the keys it has (Google Scholar's
 * `benton2024denoising`, `Benton2024`, `Benton:2024`, Zotero's `benton_denoising_2024`, Better BibTeX's
 * `bentonDenoisingDiffusionsMarkov2024`, `Ferreira:2020`, ...) or set in the config (`keyPattern`), and made unique. A pattern is
 * a template of tokens: `[auth]` the first author's family name (`[Auth]` capitalised), `[year]`, `[yy]`, `[word]`
 * the title's first word that is not a stop word (`[Word]`), `[Words3]` its first three such words capitalised.
 * Pure.
 */
import { latexAccentsToUnicode } from '../latex/accents.js';
import { foldText, type PersonName } from '../model/names.js';
import { splitNames } from '../model/name-list.js';
import type { ParsedStore } from '../store/parse.js';

/** Google Scholar's form, and the default for a store with no pattern of its own. */
export const DEFAULT_KEY_PATTERN = '[auth][year][word]';

/** The patterns a store's keys are matched against, most specific first (a tie goes to the earlier). */
export const KNOWN_KEY_PATTERNS: readonly string[] = [
  '[auth][year][word]',
  '[Auth][year][Word]',
  '[Auth][year][word]',
  '[auth][Words3][year]',
  '[auth]_[word]_[year]',
  '[auth][year]_[word]',
  '[Auth]_[word]_[year]',
  '[auth][year]',
  '[Auth][year]',
  '[Auth]:[year]',
  '[auth]:[year]',
  '[auth]_[year]',
  '[Auth]_[year]',
  '[Auth][yy]',
  '[auth][yy]',
];

const TOKEN = /\[(auth|Auth|year|yy|word|Word|Words3)\]/g;

const STOP_WORDS = new Set(
  'a an the on of in for to and with from at by is are do does when what why how towards toward via we can beyond'.split(
    ' ',
  ),
);

/** What a key is made of. */
export interface KeyParts {
  readonly firstAuthor: PersonName | undefined;
  readonly year: string | undefined;
  readonly title: string;
}

function letters(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

const capitalised = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** The title's words that are not stop words, folded to letters. */
function titleWords(title: string): string[] {
  return title
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .split(/[\s\-:–—/]+/)
    .map(letters)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

/** Whether a pattern is a template this module can fill (config validation). */
export function isKeyPattern(pattern: string): boolean {
  return pattern.replace(TOKEN, '') !== pattern && /^[\w:\-.]*$/.test(pattern.replace(TOKEN, ''));
}

/** The key a pattern makes of an entry's parts, before it is made unique. */
export function keyFromPattern(pattern: string, parts: KeyParts): string {
  const author = parts.firstAuthor;
  const family = letters(author?.family ?? author?.literal ?? '') || 'anon';
  const words = titleWords(parts.title);
  const year = parts.year ?? '';
  return pattern.replace(TOKEN, (_m, token: string) => {
    switch (token) {
      case 'auth':
        return family;
      case 'Auth':
        return capitalised(family);
      case 'year':
        return year;
      case 'yy':
        return year.slice(-2);
      case 'word':
        return words[0] ?? '';
      case 'Word':
        return capitalised(words[0] ?? '');
      default:
        return words.slice(0, 3).map(capitalised).join('');
    }
  });
}

/** A unique key: the pattern's key, else with a, b, ... (then 2, 3, ...) appended; keys compare without case. */
export function citationKey(parts: KeyParts, taken: ReadonlySet<string>, pattern = DEFAULT_KEY_PATTERN): string {
  const base = keyFromPattern(pattern, parts);
  const lower = new Set([...taken].map((k) => k.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (const suffix of 'abcdefghijklmnopqrstuvwxyz')
    if (!lower.has((base + suffix).toLowerCase())) return base + suffix;
  let n = 2;
  while (lower.has(`${base}${n}`.toLowerCase())) n++;
  return `${base}${n}`;
}

/** The first author of a BibTeX name list, as far as a key needs it: the family name with its particles. */
function firstAuthorOf(authors: string | undefined): PersonName | undefined {
  const first = authors === undefined ? undefined : splitNames(authors)[0];
  if (!first) return undefined;
  const plain = latexAccentsToUnicode(first).replace(/[{}]/g, '').trim();
  const comma = plain.indexOf(',');
  const words = comma >= 0 ? plain.slice(0, comma).trim().split(/\s+/) : plain.split(/\s+/);
  // "von Last, First" and "First von Last": the family name is what follows the last lower-case word (the particle)
  let particle = -1;
  for (let i = 0; i < words.length - 1; i++) if (/^\p{Ll}/u.test(words[i] ?? '')) particle = i;
  const family = comma >= 0 || particle >= 0 ? words.slice(particle + 1) : words.slice(-1);
  return { family: family.join(' ') };
}

/** An entry of the store as key detection reads it. */
export interface KeyedEntry {
  readonly key: string;
  readonly author?: string;
  readonly year?: string;
  readonly title?: string;
}

/**
 * The store's own key pattern: the known pattern that makes the most of its keys (a key may carry a disambiguating
 * letter or number), when it makes at least half of those that can be judged and at least two; else undefined.
 */
export function detectKeyPattern(entries: readonly KeyedEntry[]): string | undefined {
  const judged = entries.filter((e) => e.author && e.year && e.title);
  if (judged.length < 2) return undefined;
  let best: { pattern: string; score: number } | undefined;
  for (const pattern of KNOWN_KEY_PATTERNS) {
    let score = 0;
    for (const e of judged) {
      const made = keyFromPattern(pattern, {
        firstAuthor: firstAuthorOf(e.author),
        year: /\d{4}/.exec(e.year ?? '')?.[0],
        title: e.title ?? '',
      });
      if (e.key === made || (e.key.startsWith(made) && /^(?:[a-z]|\d{1,2})$/.test(e.key.slice(made.length)))) score++;
    }
    if (!best || score > best.score) best = { pattern, score };
  }
  return best && best.score >= 2 && best.score * 2 >= judged.length ? best.pattern : undefined;
}

/** The pattern for a store's new keys: the configured one, else the store's own, else Google Scholar's. */
export function keyPatternOf(store: ParsedStore, configured?: string): string {
  if (configured) return configured;
  return (
    detectKeyPattern(
      store.entries.map((e) => ({
        key: e.key,
        ...optional('author', e.fields.get('author')),
        ...optional('year', e.fields.get('year') ?? e.fields.get('date')),
        ...optional('title', e.fields.get('title')),
      })),
    ) ?? DEFAULT_KEY_PATTERN
  );
}

const optional = <K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [name]: value } as Record<K, string>);
