import { createHash } from 'node:crypto';
import type { BibEntry } from '../model/entry.js';

/** The cache key of an entry: its type, key, fields and annotations, and the mapping's context. */
export function entryCacheKey(entry: BibEntry, context: string): string {
  return createHash('sha256')
    .update(context)
    .update(JSON.stringify([entry.type, entry.key, [...entry.fields], [...entry.annotations]]))
    .digest('base64url');
}
