/**
 * A DBLP record as a work (CSL-JSON), for `import dblp`: DBLP's own metadata (title, authors, venue, year, volume,
 * pages) is the entry when the record has no DOI; a record with a DOI is fetched by it instead (richer). DBLP tells
 * homonyms apart with a number ("Joe Benton 0001"), dropped by the reader. Pure.
 */
import { personFromArxiv } from '../arxiv/to-fields.js';
import { lookupTable } from '../model/lookup-table.js';
import type { DblpRecord } from '../venues/dblp.js';
import type { CslWork } from './doi.js';

const TYPES: Readonly<Record<string, string>> = lookupTable({
  article: 'article-journal',
  inproceedings: 'paper-conference',
  incollection: 'chapter',
  book: 'book',
  proceedings: 'book',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  data: 'dataset',
});

/** DBLP's CoRR records name the arXiv ID in their volume: `abs/2305.16860`. */
export function corrArxivId(record: DblpRecord): string | undefined {
  if (record.journal !== 'CoRR') return undefined;
  return /^abs\/(\d{4}\.\d{4,5})$/.exec(record.volume ?? '')?.[1];
}

export function dblpWork(record: DblpRecord): CslWork {
  const venue = record.journal ?? record.booktitle;
  return {
    type: TYPES[record.type] ?? 'article',
    ...(record.title ? { title: record.title } : {}),
    author: record.authors.map((name) => {
      const p = personFromArxiv(name);
      return { ...(p.family ? { family: p.family } : {}), ...(p.given ? { given: p.given } : {}) };
    }),
    ...(venue ? { 'container-title': venue } : {}),
    ...(record.year ? { issued: { 'date-parts': [[Number(record.year)]] } } : {}),
    ...(record.volume ? { volume: record.volume } : {}),
    ...(record.number ? { issue: record.number } : {}),
    ...(record.pages ? { page: record.pages } : {}),
  };
}
