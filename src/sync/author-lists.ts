/**
 * Author lists across syncs: a list the store marks incomplete (`and others`) completed by arXiv's, and `author+an`
 * positions renumbered to follow the same people when a list changes. Pure.
 */
import { nameKeys } from './compare.js';

/** `A and B and others` is completed by `A and B and C and D`: its named authors begin arXiv's list. */
export function completesAuthorList(ours: string, theirs: string): boolean {
  const a = nameKeys(ours);
  if (a[a.length - 1] !== 'others|') return false;
  const named = a.slice(0, -1);
  const b = nameKeys(theirs);
  if (b.length <= named.length) return false;
  return named.every((key, i) => samePerson(key, b[i] ?? ''));
}

function samePerson(a: string, b: string): boolean {
  const [fa, ga = ''] = a.split('|');
  const [fb, gb = ''] = b.split('|');
  if (fa !== fb) return false;
  const ia = ga
    .split(' ')
    .map((w) => w[0])
    .join('');
  const ib = gb
    .split(' ')
    .map((w) => w[0])
    .join('');
  return ia === '' || ib === '' || ia.startsWith(ib) || ib.startsWith(ia);
}

/** Renumbers `author+an` positions so that they follow the same people in the new list. */
export function remapAnnotation(annotation: string, oldAuthors: string, newAuthors: string): string | undefined {
  const before = nameKeys(oldAuthors);
  const after = nameKeys(newAuthors);
  const used = new Set<number>();
  const map = new Map<number, number>();
  before.forEach((key, i) => {
    const j = after.findIndex((k, at) => !used.has(at) && samePerson(key, k));
    if (j !== -1) {
      used.add(j);
      map.set(i + 1, j + 1);
    }
  });
  return annotation.replace(
    /(^|;)(\s*)(\d+)(?=\s*[:=])/g,
    (_m, sep: string, space: string, n: string) => `${sep}${space}${map.get(Number(n)) ?? n}`,
  );
}
