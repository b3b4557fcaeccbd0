/**
 * Entry types as real stores write them, read as the type they mean: `@mathesis` and `@masterthesis` are master's
 * theses, `@bachelorthesis` a thesis, and a type neither BibTeX nor biblatex defines (a site's `@articlebold`) is the
 * nearest standard type its fields show (a journal: an article; a booktitle: a paper in proceedings; a school: a
 * thesis; an institution: a report). A `@book` with a booktitle and a page range is a paper or chapter in the book it
 * names (as Mendeley exports them). The genre keys biblatex localises (`phdthesis`, `mathesis`, `techreport`) are
 * written as the words they stand for. Tables as data; pure.
 */
import { lookupTable } from '../model/lookup-table.js';

/** The types BibTeX's standard styles define; bibtex reads any other as its style's default type, `@misc`. */
export const BIBTEX_TYPES: ReadonlySet<string> = new Set([
  'article',
  'book',
  'booklet',
  'conference',
  'inbook',
  'incollection',
  'inproceedings',
  'manual',
  'mastersthesis',
  'misc',
  'phdthesis',
  'proceedings',
  'techreport',
  'unpublished',
]);

/** The types BibTeX's standard styles and biblatex define (lower case). */
export const KNOWN_TYPES: ReadonlySet<string> = new Set([
  ...BIBTEX_TYPES,
  'mvbook',
  'bookinbook',
  'suppbook',
  'collection',
  'mvcollection',
  'suppcollection',
  'dataset',
  'online',
  'electronic',
  'www',
  'patent',
  'periodical',
  'suppperiodical',
  'mvproceedings',
  'reference',
  'mvreference',
  'inreference',
  'report',
  'set',
  'software',
  'thesis',
  'xdata',
  'artwork',
  'audio',
  'bibnote',
  'commentary',
  'image',
  'jurisdiction',
  'legislation',
  'legal',
  'letter',
  'movie',
  'music',
  'performance',
  'review',
  'standard',
  'video',
  'preprint',
]);

/** Types real stores use for a standard one, with the genre they imply. */
const ALIASES: Readonly<Record<string, { readonly type: string; readonly genre?: string }>> = lookupTable({
  mathesis: { type: 'mastersthesis' },
  masterthesis: { type: 'mastersthesis' },
  msthesis: { type: 'mastersthesis' },
  masterssthesis: { type: 'mastersthesis' },
  bachelorthesis: { type: 'thesis', genre: "Bachelor's thesis" },
  bathesis: { type: 'thesis', genre: "Bachelor's thesis" },
  bscthesis: { type: 'thesis', genre: "Bachelor's thesis" },
  diplomathesis: { type: 'thesis', genre: 'Diploma thesis' },
  habilitation: { type: 'thesis', genre: 'Habilitation thesis' },
  doctoralthesis: { type: 'phdthesis' },
  dissertation: { type: 'phdthesis' },
  journal: { type: 'article' },
  conferencepaper: { type: 'inproceedings' },
  workshop: { type: 'inproceedings' },
  talk: { type: 'misc', genre: 'Talk' },
  presentation: { type: 'misc', genre: 'Presentation' },
  poster: { type: 'misc', genre: 'Poster' },
});

/** biblatex's localisation keys for `type`, as the words they print (English). */
export const GENRE_WORDS: Readonly<Record<string, string>> = lookupTable({
  phdthesis: 'PhD thesis',
  mathesis: "Master's thesis",
  candthesis: 'Candidate thesis',
  techreport: 'Technical report',
  resreport: 'Research report',
  software: 'Computer software',
  datacd: 'CD-ROM',
  audiocd: 'Audio CD',
  patent: 'Patent',
  patentus: 'US patent',
});

export interface ReadType {
  readonly type: string;
  /** A genre the type implies, when the entry has no `type` field of its own. */
  readonly genre?: string;
}

/** The type an entry means, from its written type and, for an unknown one, its fields. */
export function readEntryType(type: string, fields: ReadonlyMap<string, string>): ReadType {
  if (type === 'book' && isPartOfBook(fields))
    return { type: PROCEEDINGS.test(fields.get('booktitle') ?? '') ? 'inproceedings' : 'incollection' };
  if (KNOWN_TYPES.has(type)) return { type };
  const alias = ALIASES[type];
  if (alias) return alias;
  if (fields.has('journal') || fields.has('journaltitle')) return { type: 'article' };
  if (fields.has('booktitle')) return { type: 'inproceedings' };
  if (fields.has('school')) return { type: /master|^ma|^ms/.test(type) ? 'mastersthesis' : 'phdthesis' };
  if (fields.has('institution')) return { type: 'techreport' };
  if (fields.has('publisher')) return { type: 'book' };
  return { type: 'misc' };
}

/** A booktitle that names proceedings (a series of them, as Springer's Lecture Notes are). */
const PROCEEDINGS = /proceedings|lecture notes|conference|symposium|workshop|\bproc\b/i;

/**
 * A `@book` with a booktitle and a page range is a part of the book it names: Mendeley exports a paper in Lecture
 * Notes in Computer Science so, and a style would print it with no venue.
 */
function isPartOfBook(fields: ReadonlyMap<string, string>): boolean {
  return fields.has('booktitle') && /\d\s*(?:-+|–|—)\s*\d/.test(fields.get('pages') ?? '');
}
