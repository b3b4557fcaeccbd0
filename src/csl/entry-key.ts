import { keyerFor } from '../digest.js';
import type { BibEntry } from '../model/entry.js';

/**
 * The cache keys of entries mapped together: each entry's type, key, fields and annotations, and the mapping's
 * context (one digest for all of them, chosen by their number: src/digest.ts).
 */
export function entryCacheKeys(entries: readonly BibEntry[], context: string): string[] {
  const key = keyerFor(entries.length);
  return entries.map((entry) =>
    key(`${context}\u0000${JSON.stringify([entry.type, entry.key, [...entry.fields], [...entry.annotations]])}`),
  );
}
