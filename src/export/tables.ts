/** Mapping tables of the exporters, as data. */
import { lookupTable } from '../model/lookup-table.js';

/** Fields classic BibTeX styles (plain, unsrt, alpha, natbib's, IEEEtran) read; anything else is left out. */
export const BIBTEX_FIELDS: ReadonlySet<string> = new Set([
  'address',
  'author',
  'booktitle',
  'chapter',
  'edition',
  'editor',
  'howpublished',
  'institution',
  'journal',
  'key',
  'month',
  'note',
  'number',
  'organization',
  'pages',
  'publisher',
  'school',
  'series',
  'title',
  'type',
  'volume',
  'year',
  'doi',
  'url',
  'eprint',
  'archiveprefix',
  'primaryclass',
  'isbn',
  'issn',
  'crossref',
]);

/** biblatex fields written as their BibTeX equivalents. */
export const TO_BIBTEX_FIELD: Readonly<Record<string, string>> = lookupTable({
  journaltitle: 'journal',
  location: 'address',
  eprintclass: 'primaryclass',
});

/** biblatex entry types -> BibTeX ones. */
export const TO_BIBTEX_TYPE: Readonly<Record<string, string>> = lookupTable({
  online: 'misc',
  electronic: 'misc',
  www: 'misc',
  report: 'techreport',
  thesis: 'phdthesis',
  mvbook: 'book',
  bookinbook: 'inbook',
  collection: 'book',
  mvcollection: 'book',
  reference: 'book',
  mvreference: 'book',
  inreference: 'incollection',
  suppbook: 'inbook',
  suppcollection: 'incollection',
  periodical: 'misc',
  suppperiodical: 'article',
  dataset: 'misc',
  software: 'misc',
  patent: 'misc',
  conference: 'inproceedings',
  preprint: 'misc',
});

/** BibTeX field names -> biblatex ones. */
export const TO_BIBLATEX_FIELD: Readonly<Record<string, string>> = lookupTable({
  journal: 'journaltitle',
  address: 'location',
  primaryclass: 'eprintclass',
  school: 'institution',
});

/** BibTeX entry types -> biblatex ones. */
export const TO_BIBLATEX_TYPE: Readonly<Record<string, string>> = lookupTable({
  conference: 'inproceedings',
  electronic: 'online',
  www: 'online',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  techreport: 'report',
});

/** Text fields whose capitals a lower-casing BibTeX style would destroy. */
export const CASE_CHANGED_FIELDS: ReadonlySet<string> = new Set(['title', 'booktitle', 'chapter']);

/** Fields written verbatim (URLs and identifiers). */
export const VERBATIM_FIELDS: ReadonlySet<string> = new Set(['url', 'doi', 'eprint', 'isbn', 'issn', 'file']);

/** Fields that hold entry keys: written verbatim (`Titi_Gwiazda` escaped as `Titi\_Gwiazda` breaks biblatex). */
export const KEY_FIELDS: ReadonlySet<string> = new Set(['ids', 'crossref', 'xdata', 'xref', 'related', 'entryset']);

/** The order fields are written in. */
export const FIELD_ORDER = [
  'title',
  'author',
  'editor',
  'journal',
  'journaltitle',
  'booktitle',
  'series',
  'volume',
  'number',
  'pages',
  'chapter',
  'edition',
  'publisher',
  'organization',
  'institution',
  'school',
  'address',
  'location',
  'howpublished',
  'type',
  'year',
  'month',
  'date',
  'note',
  'doi',
  'url',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'primaryclass',
  'eprintclass',
  'isbn',
  'issn',
  'keywords',
  'author+an',
];

/** How field names are spelled in the output. */
export const FIELD_SPELLING: Readonly<Record<string, string>> = lookupTable({
  archiveprefix: 'archivePrefix',
  primaryclass: 'primaryClass',
});
