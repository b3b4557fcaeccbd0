/**
 * A work from a source (CSL-JSON, as the DOI agencies write it) as a new BibTeX entry: the CSL type as the BibTeX
 * type, the title, the authors (family first), the venue in the field the type uses, year, month, volume, number,
 * pages, publisher and the DOI, each value as text written in the store's convention (UTF-8 or LaTeX); an arXiv
 * DOI (`10.48550/arXiv.ID`) kept as `eprint`. Mapping tables as data; pure.
 */
import { bibtexName, bibtexText, type FieldValue, type TextConvention } from '../arxiv/to-fields.js';
import { parseArxivId } from '../model/arxiv-id.js';
import { cleanDoi, cleanPages, cleanYear } from '../model/identifiers.js';
import { lookupTable } from '../model/lookup-table.js';
import { monthMacro } from '../model/months.js';
import type { PersonName } from '../model/names.js';
import type { NewEntry } from '../store/edit.js';
import { citationKey } from '../sync/keys.js';
import type { CslWork } from './doi.js';

/** CSL type -> BibTeX type, and the field its container goes in. */
const TYPES: Readonly<Record<string, { readonly type: string; readonly venue?: 'journal' | 'booktitle' }>> =
  lookupTable({
    'article-journal': { type: 'article', venue: 'journal' },
    'journal-article': { type: 'article', venue: 'journal' },
    article: { type: 'article', venue: 'journal' },
    'article-magazine': { type: 'article', venue: 'journal' },
    'article-newspaper': { type: 'article', venue: 'journal' },
    'paper-conference': { type: 'inproceedings', venue: 'booktitle' },
    'proceedings-article': { type: 'inproceedings', venue: 'booktitle' },
    chapter: { type: 'incollection', venue: 'booktitle' },
    'book-chapter': { type: 'incollection', venue: 'booktitle' },
    book: { type: 'book' },
    monograph: { type: 'book' },
    report: { type: 'techreport' },
    thesis: { type: 'phdthesis' },
    dissertation: { type: 'phdthesis' },
    dataset: { type: 'misc' },
    software: { type: 'misc' },
    'posted-content': { type: 'misc' },
  });

const first = (value: string | readonly string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : (value as string | undefined))?.trim() || undefined;

function person(a: NonNullable<CslWork['author']>[number]): PersonName {
  if (a.family) return a.given ? { family: a.family, given: a.given } : { family: a.family };
  return { literal: a.literal ?? a.name ?? '' };
}

/** The new entry for a work; `taken` holds the store's keys (the new key is unique among them). */
export function workToEntry(
  work: CslWork,
  options: {
    readonly convention: TextConvention;
    readonly taken: ReadonlySet<string>;
    readonly selected?: boolean;
    /** The pattern of the new key (sync/keys.ts). */
    readonly keyPattern?: string;
  },
): NewEntry {
  const { convention } = options;
  const kind = TYPES[(work.type ?? '').toLowerCase()] ?? { type: 'misc' };
  const text = (value: string): FieldValue => ({ text: bibtexText(value, convention) });
  const fields: [string, FieldValue][] = [];
  const title = first(work.title);
  if (title) fields.push(['title', text(title)]);
  const authors = (work.author ?? []).map(person).filter((p) => p.family || p.literal);
  if (authors.length > 0)
    fields.push(['author', { text: authors.map((p) => bibtexName(p, convention)).join(' and ') }]);
  const venue = first(work['container-title']);
  if (venue && kind.venue) fields.push([kind.venue, text(venue)]);
  const date = work.issued?.['date-parts']?.[0] ?? work.published?.['date-parts']?.[0];
  const year = cleanYear(date?.[0] === undefined ? undefined : String(date[0]));
  if (year) fields.push(['year', { text: year }]);
  const month = date?.[1] === undefined ? undefined : monthMacro(Number(date[1]));
  if (year && month) fields.push(['month', { text: month, bare: true }]);
  for (const [name, value] of [
    ['volume', work.volume],
    ['number', work.issue],
  ] as const) {
    if (value !== undefined && /^[\p{L}\p{N}.\-–/ ]{1,24}$/u.test(String(value)))
      fields.push([name, text(String(value))]);
  }
  const pages = cleanPages(work.page);
  if (pages) fields.push(['pages', { text: pages }]);
  if (work.publisher && (kind.type === 'book' || kind.type === 'techreport' || kind.type === 'misc'))
    fields.push([kind.type === 'techreport' ? 'institution' : 'publisher', text(work.publisher)]);
  const doi = cleanDoi(work.DOI);
  const arxiv = doi ? parseArxivId(doi) : undefined;
  if (arxiv) {
    fields.push(['eprint', { text: arxiv.id }], ['archivePrefix', { text: 'arXiv' }]);
  } else if (doi) fields.push(['doi', { text: doi }]);
  if (options.selected) fields.push(['keywords', { text: 'selected' }]);
  const key = citationKey({ firstAuthor: authors[0], year, title: title ?? '' }, options.taken, options.keyPattern);
  return { type: kind.type, key, fields };
}
