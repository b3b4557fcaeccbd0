/**
 * The conventions real stores follow, read before an entry is mapped to CSL: a pipeline of small steps of one shape
 * (a field's value in, the value as standard BibTeX out), each in its own module:
 * - commands the store defines in `@preamble`, and the sorting macros (`\noopsort{…}`), as what they print;
 * - the AAS journal macros (`\mnras`) in venue fields, as the journal's abbreviation;
 * - HTML in fields (`<i>…</i>`, `&#58;`) as the formatting and characters it means;
 * - `\_`, `\%`, `\&` in DOIs and addresses as the characters;
 * - names: marks taken out as annotations (`Xu*, Kai`), HTML and ADS's wrapped lines (`{Hand` newline `ley}`) undone,
 *   a stray comma dropped (`Yang, Shusheng,`), a hyphenated given name with a lower-case part kept whole (`Wen-mei Hwu`);
 * - unknown and site-specific entry types as the nearest standard type.
 * Pure.
 */
import type { BibEntry } from '../model/entry.js';
import { asBibtexReadsIt, NAME_FIELDS, readNameList, splitNames } from '../model/name-list.js';
import { readEntryType } from './entry-types.js';
import { hasHtml, htmlToLatex, stripHtml } from './html-markup.js';
import { expandJournalMacros, VENUE_FIELDS } from './journal-macros.js';
import { markAnnotation, markLegends, prismAnnotation, readNameMarks, writesCaretMarks } from './name-marks.js';
import { DEFAULT_MACROS, expandMacros, type Macros } from './preamble-macros.js';

export interface ConventionContext {
  /** Commands defined by the store's `@preamble` (and the sorting macros). */
  readonly macros: Macros;
}

export interface ReadEntry {
  readonly type: string;
  /** A genre the type implies (`@bachelorthesis`), when the entry names none. */
  readonly genre?: string;
  /** The fields as standard BibTeX. */
  readonly fields: ReadonlyMap<string, string>;
  /** Name field -> 1-based position -> annotation names of the marks written in that name. */
  readonly marks: ReadonlyMap<string, ReadonlyMap<number, readonly string[]>>;
}

/** Fields whose value is an identifier or address, not text. */
const ADDRESS_FIELDS = new Set(['doi', 'url', 'eprint', 'file', 'pdf', 'html', 'arxiv']);

const DEFAULT_CONTEXT: ConventionContext = { macros: DEFAULT_MACROS };

/**
 * A field as the export writes it: a name field without HTML (a site's `<b>Ming*</b>` is the name `Ming*`) and with
 * ADS's wrapped lines joined (`{Hand` newline `ley}` -> `{Handley}`); marks in names stay, as bibtex prints them as
 * written. Text fields are kept as written: a document prints what the original store printed.
 */
export function standardFieldText(name: string, value: string): string {
  return NAME_FIELDS.has(name) ? stripHtml(unwrapBracedLines(value)) : value;
}

export function readEntryConventions(entry: BibEntry, context: ConventionContext = DEFAULT_CONTEXT): ReadEntry {
  const fields = new Map<string, string>();
  const marks = new Map<string, ReadonlyMap<number, readonly string[]>>();
  let legends: ReadonlyMap<string, string> | undefined;
  for (const [name, raw] of entry.fields) {
    if (ADDRESS_FIELDS.has(name)) {
      fields.set(name, addressText(raw));
      continue;
    }
    let value = raw.includes('\\') ? expandMacros(raw, context.macros) : raw;
    if (VENUE_FIELDS.has(name) && value.includes('\\')) value = expandJournalMacros(value);
    if (NAME_FIELDS.has(name)) {
      legends ??= markLegends(entry.fields);
      const read = readNames(value, legends);
      fields.set(name, read.text);
      if (read.marks.size > 0) marks.set(name, read.marks);
      continue;
    }
    fields.set(name, hasHtml(value) ? htmlToLatex(value) : value);
  }
  const type = readEntryType(entry.type, entry.fields);
  return { type: type.type, ...(type.genre ? { genre: type.genre } : {}), fields, marks };
}

/** An identifier or address as its characters: `10.1007/978-3-030-30484-3\_3` -> `…-3_3` (DBLP escapes them). */
export function addressText(value: string): string {
  return value.replace(/\{\\([_%&#~$])\}|\\([_%&#~$])/g, (_, a?: string, b?: string) => a ?? b ?? '').trim();
}

interface ReadNames {
  readonly text: string;
  readonly marks: ReadonlyMap<number, readonly string[]>;
}

function readNames(value: string, legends: ReadonlyMap<string, string>): ReadNames {
  const unwrapped = stripHtml(unwrapBracedLines(value));
  const repaired = readNameList(unwrapped).text;
  const marks = new Map<number, string[]>();
  let prism: boolean | undefined;
  const names = splitNames(repaired).map((name, i) => {
    const read = readNameMarks(name);
    if (read.marks.length > 0)
      marks.set(
        i + 1,
        read.marks.map((symbol) => {
          const legend = legends.get(symbol);
          prism ??= writesCaretMarks(unwrapped);
          return (legend === undefined && prism && prismAnnotation(symbol)) || markAnnotation(symbol, legend);
        }),
      );
    return keepHyphenatedGiven(asBibtexReadsIt(read.name));
  });
  return { text: marks.size > 0 || names.join(' and ') !== repaired ? names.join(' and ') : repaired, marks };
}

/**
 * ADS wraps long lines inside braced names (`{Hand` newline `ley}`): a line break inside braces between a letter and
 * a lower-case letter is a word split by the wrapping, not a space.
 */
function unwrapBracedLines(value: string): string {
  if (!value.includes('\n')) return value;
  let depth = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    if (depth > 0 && /\s/.test(ch) && /\p{L}/u.test(out.slice(-1))) {
      let j = i;
      while (j < value.length && /\s/.test(value[j] as string)) j++;
      const run = value.slice(i, j);
      if (run.includes('\n') && /\p{Ll}/u.test(value[j] ?? '')) {
        i = j - 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * `Wen-mei Hwu`: BibTeX's name grammar takes the lower-case `mei` for a particle ("mei Wen-Hwu"); in a given-first
 * name, a hyphenated word before the family name that starts with a capital is one given name, so it is braced.
 */
function keepHyphenatedGiven(name: string): string {
  if (name.includes(',') || !/-\p{Ll}/u.test(name)) return name;
  const words = name.split(/\s+/);
  if (words.length < 2) return name;
  return words
    .map((w, i) => (i < words.length - 1 && /^\p{Lu}[\p{L}.]*(?:-\p{Ll}[\p{L}.]*)+$/u.test(w) ? `{${w}}` : w))
    .join(' ');
}
