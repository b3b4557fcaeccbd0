import { digest } from '../digest.js';
import type { BibEntry } from '../model/entry.js';

/** The cache key of an entry: its type, key, fields and annotations, and the mapping's context. */
export function entryCacheKey(entry: BibEntry, context: string): string {
  return digest(
    `${context}\u0000${JSON.stringify([entry.type, entry.key, [...entry.fields], [...entry.annotations]])}`,
  );
}
