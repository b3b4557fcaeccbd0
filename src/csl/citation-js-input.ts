/**
 * A store entry, read with bibfolio's conventions, as citation-js's BibTeX plugin takes it: the fields it renders,
 * their LaTeX read first where citation-js would misread it, and biblatex's title addon and main title joined as
 * biblatex prints them. Pure.
 */
import type { ReadEntry } from '../conventions/read-entry.js';
import { latexAccentsToUnicode } from '../latex/accents.js';
import { readLatex } from '../latex/read.js';
import type { BibEntry } from '../model/entry.js';
import { NAME_FIELDS, splitNames } from '../model/name-list.js';
import { protectInput } from './ir.js';
import { FIELDS_NOT_RENDERED } from './mapping-tables.js';

export interface CitationJsEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

export function toCitationJsEntry(entry: BibEntry, read: ReadEntry): CitationJsEntry {
  const properties: Record<string, string> = {};
  for (const [name, value] of read.fields) {
    if (FIELDS_NOT_RENDERED.has(name) || value.trim() === '') continue;
    // LaTeX that citation-js misreads (logos, boxes, spacing, math, unknown commands) is read first (latex/read.ts);
    // accents it does not know (\textcommabelow, stacked accents) with unicode2latex's table
    const latex = /[\\$]/.test(value) && !VERBATIM.has(name);
    properties[name] = protectInput(
      NAME_FIELDS.has(name) ? nameListForCitationJs(value, latex) : latex ? readFieldLatex(value) : value,
    );
  }
  // biblatex prints a title addon after the title ("Study Abroad Programs. Editorial"); CSL has no field for it
  const addon = properties.titleaddon;
  const titled = properties.subtitle !== undefined ? 'subtitle' : 'title';
  const base = properties[titled];
  if (addon !== undefined && base !== undefined) {
    properties[titled] = /[.?!]\s*$/.test(base) ? `${base} ${addon}` : `${base}. ${addon}`;
    delete properties.titleaddon;
  }
  // a book is not inside anything: BibTeX and biblatex ignore its booktitle; nor is anything but a part of a book
  // inside a book when it names a journal (an @article with a stray booktitle is in its journal)
  const journal = properties.journal ?? properties.journaltitle;
  if (BOOKS.has(read.type) || (journal !== undefined && !BOOK_PARTS.has(read.type))) delete properties.booktitle;
  // a part of a volume of a main work (`maintitle = {IROS 2021}`, `booktitle = {Workshop on ...}`): biblatex prints
  // "In: IROS 2021. Workshop on ..."; citation-js would keep the main title alone as the container
  const book = properties.booktitle;
  if (properties.maintitle !== undefined && book !== undefined) {
    const sub = properties.mainsubtitle;
    const main = sub !== undefined ? `${properties.maintitle}: ${sub}` : properties.maintitle;
    properties.booktitle = /[.?!]\s*$/.test(main) ? `${main} ${book}` : `${main}. ${book}`;
    delete properties.maintitle;
    delete properties.mainsubtitle;
  }
  return { type: read.type, label: entry.key, properties };
}

const VERBATIM = new Set(['url', 'doi', 'file', 'eprint']);

const BOOKS = new Set(['book', 'mvbook', 'proceedings', 'mvproceedings']);

/** Types whose container is the book their booktitle names, whatever else the entry says. */
const BOOK_PARTS = new Set(['inproceedings', 'conference', 'incollection', 'inbook', 'inreference', 'bookinbook']);

/**
 * A name list as citation-js should read it. Split where BibTeX splits it before any name's LaTeX is read: `Gla\ss and
 * Martin` is two people, though TeX's rule (a control word swallows the space after it) would join them. A hyphenated
 * family name with a particle inside (`Ribeiro-dos-Santos`, `Dupont-de-Lattre`) is one family name: citation-js would
 * take its lower-case piece for a particle (`dos Ribeiro-Santos`).
 */
function nameListForCitationJs(value: string, latex: boolean): string {
  if (!latex && !hasHyphenatedParticle(value)) return value;
  return splitNames(value)
    .map((person) => {
      const read = latex ? readFieldLatex(person) : person;
      return hasHyphenatedParticle(read) ? read.replace(HYPHENATED_PARTICLES, '{$&}') : read;
    })
    .join(' and ');
}

/** A word of capitalised pieces joined by hyphens with a lower-case piece inside, outside braces. */
const HYPHENATED_PARTICLE =
  /(?<![\p{L}{\\-])\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*-\p{Ll}[\p{L}'’]*-\p{Lu}[\p{L}'’]*(?![\p{L}}-])/u;
const HYPHENATED_PARTICLES = new RegExp(HYPHENATED_PARTICLE.source, 'gu');
/** What every such word holds: a cheap test first, for the Unicode classes above cost 8 µs a name list to try. */
const HYPHEN_BEFORE_LOWER = /-\p{Ll}/u;

function hasHyphenatedParticle(value: string): boolean {
  return HYPHEN_BEFORE_LOWER.test(value) && HYPHENATED_PARTICLE.test(value);
}

/** A field's LaTeX read as a title is (latex/read.ts, then the accents citation-js does not know), for citation-js. */
export function readFieldLatex(value: string): string {
  const { text } = readLatex(value);
  return text.includes('\\') ? latexAccentsToUnicode(text) : text;
}
