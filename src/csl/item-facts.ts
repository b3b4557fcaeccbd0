/**
 * What a list needs to know of an entry beyond its CSL fields: well-formed dates, whether it is selected, and its
 * kind (journal, conference, workshop, preprint, other) for grouping. Pure.
 */
import type { BibEntry } from '../model/entry.js';
import { isPreprint } from '../model/preprint.js';
import { WORKSHOP_PATTERN } from './mapping-tables.js';
import type { PublicationKind } from './types.js';

/** Keeps only well-formed date parts (citation-js can leave `null` for an open range end, which citeproc-js rejects). */
export function cleanDate(value: unknown): object | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const date = value as { 'date-parts'?: unknown; literal?: unknown; raw?: unknown };
  const parts = Array.isArray(date['date-parts'])
    ? (date['date-parts'] as unknown[]).filter(
        (p): p is number[] => Array.isArray(p) && p.length > 0 && p.every((x) => Number.isFinite(Number(x))),
      )
    : [];
  if (parts.length > 0) return { 'date-parts': parts.map((p) => p.map(Number)) };
  if (typeof date.literal === 'string' && date.literal) return { literal: date.literal };
  if (typeof date.raw === 'string' && date.raw) return { literal: date.raw };
  return undefined;
}

export function isSelected(entry: BibEntry): boolean {
  const selected = entry.fields.get('selected');
  if (selected !== undefined && /^\s*(true|yes|1)\s*$/i.test(selected)) return true;
  const keywords = entry.fields.get('keywords') ?? '';
  return keywords.split(/[,;]/).some((k) => k.trim().toLowerCase() === 'selected');
}

/** Types whose booktitle names a book or a series, never proceedings (a Mendeley thesis exported as @book has one). */
const NOT_IN_PROCEEDINGS: ReadonlySet<string> = new Set([
  'incollection',
  'inbook',
  'book',
  'mvbook',
  'bookinbook',
  'collection',
  'phdthesis',
  'mastersthesis',
  'thesis',
  'techreport',
  'report',
  'manual',
]);

export function publicationKind(entry: Pick<BibEntry, 'type' | 'fields'>, hasArxiv: boolean): PublicationKind {
  const journal = entry.fields.get('journal') ?? entry.fields.get('journaltitle');
  const booktitle = entry.fields.get('booktitle');
  const venue = journal ?? booktitle;
  if (hasArxiv && isPreprint(entry.type, entry.fields)) return 'preprint';
  if (entry.type === 'unpublished' || (entry.type === 'misc' && !venue)) return hasArxiv ? 'preprint' : 'other';
  if (entry.type === 'article' && journal) return 'journal';
  if (
    ['inproceedings', 'conference', 'proceedings'].includes(entry.type) ||
    (booktitle && !NOT_IN_PROCEEDINGS.has(entry.type))
  ) {
    return booktitle && WORKSHOP_PATTERN.test(booktitle) ? 'workshop' : 'conference';
  }
  return 'other';
}
