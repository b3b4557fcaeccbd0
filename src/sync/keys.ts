/** Citation keys for new entries, in the common `familyYEARfirstword` form (`benton2024sabotage`), made unique. */
import { foldText, type PersonName } from '../model/names.js';

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'from',
  'at',
  'by',
  'is',
  'are',
  'do',
  'does',
  'when',
  'what',
  'why',
  'how',
  'towards',
  'toward',
  'via',
  'we',
  'can',
  'beyond',
]);

function word(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

export function citationKey(
  firstAuthor: PersonName | undefined,
  year: string | undefined,
  title: string,
  taken: ReadonlySet<string>,
): string {
  const family = word(firstAuthor?.family ?? firstAuthor?.literal ?? 'anon') || 'anon';
  const first =
    title
      .replace(/\$[^$]*\$/g, ' ')
      .replace(/\\[a-zA-Z]+/g, ' ')
      .split(/[\s\-:–—/]+/)
      .map(word)
      .find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? '';
  const base = `${family}${year ?? ''}${first}`;
  const lower = new Set([...taken].map((k) => k.toLowerCase()));
  if (!lower.has(base)) return base;
  for (const suffix of 'abcdefghijklmnopqrstuvwxyz') if (!lower.has(base + suffix)) return base + suffix;
  let n = 2;
  while (lower.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}
