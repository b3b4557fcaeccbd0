/**
 * An arXiv record -> BibTeX field values, written in the store's own convention (UTF-8, or LaTeX escapes when the
 * file keeps to ASCII). Pure.
 */
import { load as citationJs } from '../vendor/citation-js.js';
import { load as unicode2latex, type Unicode2latex } from '../vendor/unicode2latex.js';
import { arxivAbsUrl } from '../model/arxiv-id.js';
import type { NameChanges } from '../model/name-changes.js';
import type { PersonName } from '../model/names.js';
import type { ArxivRecord } from './atom.js';
import { fieldText } from '../store/field-text.js';
import { lookupTable } from '../model/lookup-table.js';
import { monthMacro } from '../model/months.js';

export type TextConvention = 'utf8' | 'latex';

/** A field value and how to write it: braced text, or a bare macro (`jun`). */
export interface FieldValue {
  readonly text: string;
  readonly bare?: boolean;
}

/** The fields arXiv owns, in the order new entries get them. */
export const ARXIV_FIELDS = [
  'title',
  'author',
  'year',
  'month',
  'eprint',
  'archiveprefix',
  'primaryclass',
  'url',
  'doi',
  'journal_ref',
  'abstract',
] as const;
export type ArxivField = (typeof ARXIV_FIELDS)[number];

/** How new field names are spelled. */
export const FIELD_SPELLING: Readonly<Record<ArxivField, string>> = {
  title: 'title',
  author: 'author',
  year: 'year',
  month: 'month',
  eprint: 'eprint',
  archiveprefix: 'archivePrefix',
  primaryclass: 'primaryClass',
  url: 'url',
  doi: 'doi',
  journal_ref: 'journal_ref',
  abstract: 'abstract',
};

/**
 * The store's way with accents: UTF-8 when it holds non-ASCII text; LaTeX when it is pure ASCII and writes accents
 * as commands (`{\"a}`, `\'e`, `{\L}`); UTF-8 when nothing tells (a new store).
 */
export function detectConvention(source: string): TextConvention {
  if (/[^\x00-\x7f]/.test(source)) return 'utf8';
  return /\\["'`^~=.]\s*\{?[A-Za-z]|\\[uvHcdbkrt](?:\{[A-Za-z]\}|\s+[A-Za-z]\b)|\{\\(?:[LlOo]|ss|ae|oe|aa|AA)\}/.test(
    source,
  )
    ? 'latex'
    : 'utf8';
}

let latexTransform: InstanceType<Unicode2latex['Transform']> | undefined;
function toLatex(text: string): string {
  latexTransform ??= new (unicode2latex().Transform)('bibtex-creator');
  return latexTransform.tolatex(text);
}

const TEXT_SPECIALS: Readonly<Record<string, string>> = lookupTable({ '&': '\\&', '%': '\\%', '#': '\\#' });

/**
 * Free text from arXiv as a BibTeX value that stays valid LaTeX: `&`, `%`, `#` escaped outside math, braces balanced
 * (escaped when they are not), non-ASCII written as LaTeX in the `latex` convention.
 */
export function bibtexText(text: string, convention: TextConvention): string {
  const segments = text.split(/(\$[^$]*\$)/);
  let out = segments
    .map((segment, i) => {
      const math = i % 2 === 1;
      if (math) return convention === 'latex' ? segment.replace(/[^\x00-\x7f]/g, (ch) => mathChar(ch)) : segment;
      const escaped = segment.replace(/(?<!\\)[&%#]/g, (ch) => TEXT_SPECIALS[ch] ?? ch);
      return convention === 'latex' ? asciiOutsideMath(escaped) : escaped;
    })
    .join('');
  // braces balanced as BibTeX counts them, control characters and dangerous commands made text: a value, never syntax
  return fieldText(out);
}

function asciiOutsideMath(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? toLatex(text) : text;
}

function mathChar(ch: string): string {
  const latex = toLatex(ch).replace(/^\{?\$?|\$?\}?$/g, '');
  return latex || ch;
}

/** `Kamélia Daudel` -> `Daudel, Kamélia`; `Teun van der Weij` -> `van der Weij, Teun`. */
export function bibtexName(name: PersonName, convention: TextConvention): string {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  const protect = (s: string): string => bibtexText(s, convention).replace(/ and /gi, ' {and} ');
  if (!given) return `{${protect(family || name.literal || '')}}`;
  const familyText = /,/.test(family) ? `{${protect(family)}}` : protect(family);
  const parts = [familyText, ...(name.suffix ? [protect(name.suffix)] : []), protect(given)];
  return parts.join(', ');
}

export function personFromArxiv(displayName: string): PersonName {
  const parsed = citationJs().parseName(displayName);
  const name: Record<string, string> = {};
  for (const part of ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
    if (parsed[part]) name[part] = parsed[part];
  }
  if (!name.family) name.family = displayName;
  return name as PersonName;
}

export interface MapOptions {
  readonly convention: TextConvention;
  readonly abstract: boolean;
  readonly nameChanges?: NameChanges;
}

/** The fields of a record as the store would hold them. */
export function fieldsFromRecord(record: ArxivRecord, options: MapOptions): Map<ArxivField, FieldValue> {
  const { convention } = options;
  const fields = new Map<ArxivField, FieldValue>();
  fields.set('title', { text: bibtexText(record.title, convention) });
  const people = record.authors.map((a) => personFromArxiv(a.name)).map((p) => options.nameChanges?.apply(p) ?? p);
  fields.set('author', { text: people.map((p) => bibtexName(p, convention)).join(' and ') });
  const published = /^(\d{4})-(\d{2})/.exec(record.published);
  if (published) {
    fields.set('year', { text: published[1] as string });
    const month = monthMacro(Number(published[2]));
    if (month) fields.set('month', { text: month, bare: true });
  }
  fields.set('eprint', { text: record.id });
  fields.set('archiveprefix', { text: 'arXiv' });
  if (record.primaryCategory) fields.set('primaryclass', { text: record.primaryCategory });
  fields.set('url', { text: arxivAbsUrl(record.id) });
  if (record.doi) fields.set('doi', { text: record.doi });
  if (record.journalRef) fields.set('journal_ref', { text: bibtexText(record.journalRef, convention) });
  if (options.abstract && record.summary) fields.set('abstract', { text: bibtexText(record.summary, convention) });
  return fields;
}
