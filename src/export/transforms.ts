/**
 * The export's transforms, one concern each, all of one shape: they change an entry on its way out and return what
 * they have to say.
 */
import type { CslItem } from '../csl/types.js';
import { latexAccentsToUnicode } from '../latex/accents.js';
import { parseAnnotation } from '../model/annotations.js';
import { BIBTEX_TYPES, readEntryType } from '../conventions/entry-types.js';
import { addressText, standardFieldText } from '../conventions/read-entry.js';
import { extendedName, extendedToBibtex, NAME_FIELDS, splitNames } from '../model/name-list.js';
import type { BibEntry } from '../model/entry.js';
import type { OwnerMatcher } from '../model/names.js';
import { monthMacro as macroOfMonth, monthNumber } from '../model/months.js';
import {
  BIBTEX_FIELDS,
  VERBATIM_FIELDS,
  TO_BIBLATEX_FIELD,
  TO_BIBLATEX_TYPE,
  TO_BIBTEX_FIELD,
  TO_BIBTEX_TYPE,
} from './tables.js';

/** An entry on its way out: type and ordered fields; `bare` values are written without braces. */
export interface OutEntry {
  type: string;
  /** The type as the store writes it (`award`, where `type` is what bibfolio reads it as). */
  readonly written: string;
  readonly key: string;
  fields: Map<string, { text: string; bare?: boolean }>;
}

/** Fields only bibfolio and its sync read; never exported. */
const BIBFOLIO_FIELDS = new Set([
  'selected',
  'journal_ref',
  'timestamp',
  'owner',
  'file',
  'groups',
  'mendeley-tags',
  'bibsource',
  'biburl',
]);

/**
 * An entry on its way out, in standard BibTeX: a site's own type as the type it means (`@mathesis` ->
 * `@mastersthesis`), DBLP's escaped DOIs as the characters, names without HTML or ADS's line wrapping.
 */
export function startEntry(entry: BibEntry): OutEntry {
  const fields = new Map<string, { text: string; bare?: boolean }>();
  for (const [name, raw] of entry.fields) {
    if (BIBFOLIO_FIELDS.has(name) || raw.trim() === '') continue;
    const value = VERBATIM_FIELDS.has(name) ? addressText(raw) : standardFieldText(name, raw);
    // BibTeX folds its own white space only: a thin space (U+2009) in the store is a thin space in the export
    fields.set(name, { text: value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/[ \t\r\n]+/g, ' ') });
  }
  return { type: readEntryType(entry.type, entry.fields).type, written: entry.type, key: entry.key, fields };
}

function rename(out: OutEntry, table: Readonly<Record<string, string>>): void {
  for (const [from, to] of Object.entries(table)) {
    const value = out.fields.get(from);
    if (value === undefined) continue;
    out.fields.delete(from);
    if (!out.fields.has(to)) out.fields.set(to, value);
  }
}

/** `date = {2024-02-10}` -> year and month, when the entry has no year. */
function splitDate(out: OutEntry): void {
  const date = out.fields.get('date');
  if (!date) return;
  out.fields.delete('date');
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date.text);
  if (m && !out.fields.has('year')) {
    out.fields.set('year', { text: m[1] as string });
    if (m[2] && !out.fields.has('month')) out.fields.set('month', { text: m[2] });
  }
}

function monthMacro(out: OutEntry): void {
  const month = out.fields.get('month');
  if (!month) return;
  const n = monthNumber(month.text);
  const macro = n === undefined ? undefined : macroOfMonth(n);
  if (macro) out.fields.set('month', { text: macro, bare: true });
}

export function toBibtex(out: OutEntry, item: CslItem): void {
  out.type = TO_BIBTEX_TYPE[out.type] ?? out.type;
  splitDate(out);
  rename(out, TO_BIBTEX_FIELD);
  if (out.fields.get('eprinttype')?.text.toLowerCase() === 'arxiv' && !out.fields.has('archiveprefix')) {
    out.fields.set('archiveprefix', { text: 'arXiv' });
  }
  if ((out.type === 'phdthesis' || out.type === 'mastersthesis') && !out.fields.get('school')?.text.trim()) {
    // a thesis with no school (a course essay): every classic style warns of the empty school; a misc says what it is
    out.type = 'misc';
    const kind = out.fields.get('type');
    if (kind && !out.fields.has('howpublished')) out.fields.set('howpublished', kind);
    out.fields.delete('type');
  }
  const venueField = out.type === 'article' ? 'journal' : out.type === 'inproceedings' ? 'booktitle' : undefined;
  if (venueField && !BIBTEX_TYPES.has(out.written) && !out.fields.get('author')?.text.trim()) {
    // al-folio's `@award{..., journal = {OSA}}`, read as an article for its venue: with no author every classic style
    // warns of the empty author, where bibtex read the unknown type as a misc; a misc that says the venue too
    out.type = 'misc';
    const venue = out.fields.get(venueField);
    if (venue && !out.fields.has('howpublished')) out.fields.set('howpublished', venue);
    out.fields.delete(venueField);
  }
  if (item.custom.kind === 'preprint' && item.custom.arxiv) {
    // the form every classic style prints: an article in "arXiv preprint arXiv:ID"
    out.type = 'article';
    out.fields.set('journal', { text: `arXiv preprint arXiv:${item.custom.arxiv}` });
    for (const f of ['howpublished', 'eprint', 'archiveprefix', 'primaryclass', 'publisher']) out.fields.delete(f);
    // the identifier again (Zotero's `number = {arXiv:ID}`, DBLP's `volume = {abs/ID}`): said by the journal line,
    // and a number without a volume is a warning of every classic style
    const id = item.custom.arxiv.replace(/v\d+$/, '').toLowerCase();
    for (const f of ['number', 'volume']) if (out.fields.get(f)?.text.toLowerCase().includes(id)) out.fields.delete(f);
  }
  for (const name of [...out.fields.keys()]) if (!BIBTEX_FIELDS.has(name)) out.fields.delete(name);
  monthMacro(out);
  bibtexNames(out);
}

/** biblatex's extended name format (`family=Zerda, given=Adam, prefix=de la`) in BibTeX's own, which bibtex reads. */
function bibtexNames(out: OutEntry): void {
  for (const [field, value] of out.fields) {
    if (!NAME_FIELDS.has(field) || !value.text.includes('=')) continue;
    const names = splitNames(value.text).map((name) => {
      const parts = extendedName(name);
      return parts ? extendedToBibtex(parts) : name;
    });
    out.fields.set(field, { ...value, text: names.join(' and ') });
  }
}

export function toBiblatex(out: OutEntry, entry: BibEntry, item: CslItem, owner: OwnerMatcher | undefined): void {
  out.type = TO_BIBLATEX_TYPE[out.type] ?? out.type;
  rename(out, TO_BIBLATEX_FIELD);
  if (out.fields.has('archiveprefix')) {
    out.fields.set('eprinttype', { text: (out.fields.get('archiveprefix')?.text ?? '').toLowerCase() });
    out.fields.delete('archiveprefix');
  }
  if (item.custom.kind === 'preprint' && item.custom.arxiv) {
    out.type = 'online';
    const venue = out.fields.get('journaltitle')?.text;
    if (venue && /arxiv/i.test(venue)) out.fields.delete('journaltitle');
    out.fields.set('eprint', { text: item.custom.arxiv });
    out.fields.set('eprinttype', { text: 'arxiv' });
  }
  // year and month -> date
  const year = out.fields.get('year')?.text;
  if (year && /^\d{4}$/.test(year) && !out.fields.has('date')) {
    const month = out.fields.get('month');
    const n = month ? monthNumber(month.text) : undefined;
    out.fields.set('date', { text: n ? `${year}-${String(n).padStart(2, '0')}` : year });
    out.fields.delete('year');
    out.fields.delete('month');
  }
  // annotations: the store's, plus `highlight` on the owner
  const items = new Map<number, string[]>();
  const annotation = entry.annotations.get('author');
  if (annotation) for (const [position, names] of parseAnnotation(annotation).items) items.set(position, [...names]);
  const ownerAt = owner && item.author ? owner.indexIn(item.author) : -1;
  if (ownerAt >= 0) items.set(ownerAt + 1, [...new Set([...(items.get(ownerAt + 1) ?? []), 'highlight'])]);
  if (items.size > 0) {
    const text = [...items]
      .sort(([a], [b]) => a - b)
      .map(([position, names]) => `${position}=${names.join(',')}`)
      .join('; ');
    out.fields.set('author+an', { text });
  }
  // al-folio's `selected = {true}` as the keyword biblatex can filter on
  if (item.custom.selected) {
    const keywords = (out.fields.get('keywords')?.text ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (!keywords.some((k) => k.toLowerCase() === 'selected'))
      out.fields.set('keywords', { text: [...keywords, 'selected'].join(', ') });
  }
  monthMacro(out);
}

/** A reference (`crossref`, `xdata`, ...) to an entry this export leaves out is dropped, with a note: it would be an error. */
export function keepReachableKeys(out: OutEntry, exported: ReadonlySet<string>): string[] {
  const said: string[] = [];
  for (const field of ['crossref', 'xdata']) {
    const value = out.fields.get(field);
    if (!value) continue;
    const missing = value.text
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '' && !exported.has(k.toLowerCase()));
    if (missing.length === 0) continue;
    out.fields.delete(field);
    said.push(
      `${field} names ${missing.map((k) => `"${k}"`).join(', ')}, which this export leaves out; the field is not written`,
    );
  }
  const keywords = out.fields.get('keywords');
  if (keywords) {
    // a list of keys, compared by biblatex as control-sequence names: UTF-8, no braces, no commands
    const text = latexAccentsToUnicode(keywords.text).replace(/[{}]/g, '');
    if (/[\\%#]/.test(text)) {
      out.fields.delete('keywords');
      said.push('keywords holds a command, "%" or "#", which biblatex cannot compare; the field is not written');
    } else out.fields.set('keywords', { text });
  }
  return said;
}

/** BibTeX inherits from a cross-referenced entry only when it comes after the entries that name it. */
export function crossReferencedLast<T extends { readonly key: string }>(
  blocks: readonly T[],
  entries: readonly BibEntry[],
): T[] {
  const referenced = new Set(
    entries.map((e) => e.fields.get('crossref')?.trim().toLowerCase()).filter((k): k is string => !!k),
  );
  return [
    ...blocks.filter((b) => !referenced.has(b.key.toLowerCase())),
    ...blocks.filter((b) => referenced.has(b.key.toLowerCase())),
  ];
}
