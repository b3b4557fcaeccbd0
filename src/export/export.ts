/**
 * `export-bib`: the store as a clean .bib for LaTeX. Parse, then one small transform per concern, then a writer.
 *
 * - `bibtex` target, for classic bibtex and natbib styles: pure ASCII (accents as LaTeX commands), capitals that a
 *   lower-casing style would destroy braced, months as macros, preprints as `journal = {arXiv preprint arXiv:ID}` so
 *   that plain, unsrtnat and IEEEtran print the identifier, biblatex-only fields left out.
 * - `biblatex` target, for biber: UTF-8, biblatex types and fields (`journaltitle`, `date`, `eprinttype = {arxiv}`,
 *   `eprintclass`), the `author+an` annotations kept, and `highlight` added on the owner's position.
 * A value that could break the .bib or run a command in the reader's document is refused, naming entry and field.
 */
import type { CslItem } from '../csl/types.js';
import { parseAnnotation } from '../model/annotations.js';
import type { BibEntry } from '../model/entry.js';
import type { OwnerMatcher } from '../model/names.js';
import type { Problem } from '../model/problems.js';
import { monthNumber } from '../sync/compare.js';
import { latexAccentsToUnicode, safeText, safeVerbatim, UnsafeValueError } from '../latex/latex.js';
import {
  BIBTEX_FIELDS,
  CASE_CHANGED_FIELDS,
  FIELD_ORDER,
  FIELD_SPELLING,
  MONTH_MACROS,
  TO_BIBLATEX_FIELD,
  TO_BIBLATEX_TYPE,
  TO_BIBTEX_FIELD,
  TO_BIBTEX_TYPE,
  VERBATIM_FIELDS,
} from './tables.js';

import type { ExportTarget } from './targets.js';

export { EXPORT_TARGETS, type ExportTarget } from './targets.js';

export interface ExportOptions {
  readonly target: ExportTarget;
  readonly owner?: OwnerMatcher;
  readonly selectedOnly: boolean;
  /** Only these keys, when given. */
  readonly keys?: readonly string[];
  readonly file: string;
  /** A first comment line, e.g. where the file comes from. */
  readonly header?: string;
}

export interface ExportResult {
  readonly text: string;
  readonly count: number;
  readonly problems: readonly Problem[];
}

/** An entry on its way out: type and ordered fields; `bare` values are written without braces. */
interface OutEntry {
  type: string;
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

const SAFE_KEY = /^[^\s,{}()"#%'=~\\]+$/;

export function exportBib(
  entries: readonly BibEntry[],
  items: readonly CslItem[],
  options: ExportOptions,
): ExportResult {
  const problems: Problem[] = [];
  const byIndex = new Map(items.map((i) => [i.custom.index, i]));
  const wanted = options.keys ? new Set(options.keys) : undefined;
  for (const key of options.keys ?? []) {
    if (!entries.some((e) => e.key === key)) {
      problems.push({
        severity: 'error',
        code: 'unknown-key',
        message: `--keys names "${key}", which is not in the store`,
        file: options.file,
      });
    }
  }
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const entry of entries) {
    const item = byIndex.get(entry.index);
    if (!item) continue;
    if (wanted && !wanted.has(entry.key)) continue;
    if (options.selectedOnly && !item.custom.selected) continue;
    const where = { file: options.file, line: entry.line, key: entry.key };
    if (!SAFE_KEY.test(entry.key)) {
      problems.push({
        severity: 'error',
        code: 'unsafe-key',
        message: 'the key has characters BibTeX cannot read in a key (space, comma, braces, quotes, #, %, =, ~, \\)',
        ...where,
      });
      continue;
    }
    if (seen.has(entry.key.toLowerCase())) {
      problems.push({
        severity: 'error',
        code: 'duplicate-key',
        message: 'the key is used twice; keys must be unique',
        ...where,
      });
      continue;
    }
    seen.add(entry.key.toLowerCase());
    const out = startEntry(entry);
    if (options.target === 'bibtex') toBibtex(out, item);
    else toBiblatex(out, entry, item, options.owner);
    try {
      blocks.push(writeEntry(out, options.target));
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      problems.push({
        severity: 'error',
        code: 'unsafe-value',
        message: `field "${err.field}" ${err.message}`,
        ...where,
      });
    }
  }
  const header = options.header ? `% ${options.header}\n\n` : '';
  return { text: header + blocks.join('\n'), count: blocks.length, problems };
}

function startEntry(entry: BibEntry): OutEntry {
  const fields = new Map<string, { text: string; bare?: boolean }>();
  for (const [name, value] of entry.fields) {
    if (BIBFOLIO_FIELDS.has(name) || value.trim() === '') continue;
    // BibTeX folds its own white space only: a thin space (U+2009) in the store is a thin space in the export
    fields.set(name, { text: value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/[ \t\r\n]+/g, ' ') });
  }
  return { type: entry.type, key: entry.key, fields };
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
  if (n && n >= 1 && n <= 12) out.fields.set('month', { text: MONTH_MACROS[n - 1] as string, bare: true });
}

function toBibtex(out: OutEntry, item: CslItem): void {
  out.type = TO_BIBTEX_TYPE[out.type] ?? out.type;
  splitDate(out);
  rename(out, TO_BIBTEX_FIELD);
  if (out.fields.get('eprinttype')?.text.toLowerCase() === 'arxiv' && !out.fields.has('archiveprefix')) {
    out.fields.set('archiveprefix', { text: 'arXiv' });
  }
  if (item.custom.kind === 'preprint' && item.custom.arxiv) {
    // the form every classic style prints: an article in "arXiv preprint arXiv:ID"
    out.type = 'article';
    out.fields.set('journal', { text: `arXiv preprint arXiv:${item.custom.arxiv}` });
    for (const f of ['howpublished', 'eprint', 'archiveprefix', 'primaryclass', 'publisher']) out.fields.delete(f);
  }
  for (const name of [...out.fields.keys()]) if (!BIBTEX_FIELDS.has(name)) out.fields.delete(name);
  monthMacro(out);
}

function toBiblatex(out: OutEntry, entry: BibEntry, item: CslItem, owner: OwnerMatcher | undefined): void {
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

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function spell(name: string): string {
  return FIELD_SPELLING[name] ?? name;
}

function writeEntry(out: OutEntry, target: ExportTarget): string {
  const names = [...out.fields.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines = names.map((name) => {
    const value = out.fields.get(name) as { text: string; bare?: boolean };
    if (value.bare) return `  ${spell(name)} = ${value.text}`;
    let text: string;
    const source = target === 'biblatex' ? latexAccentsToUnicode(value.text) : value.text;
    try {
      text =
        VERBATIM_FIELDS.has(name) || name === 'author+an' || name === 'date'
          ? safeVerbatim(source)
          : safeText(source, {
              ascii: target === 'bibtex',
              pdflatex: target === 'biblatex',
              protectCapitals: CASE_CHANGED_FIELDS.has(name),
            });
    } catch (err) {
      if (err instanceof UnsafeValueError) throw new FieldError(name, err.message);
      throw err;
    }
    return `  ${spell(name)} = {${text}}`;
  });
  return `@${out.type}{${out.key},\n${lines.join(',\n')}\n}\n`;
}

function rank(name: string): number {
  const i = FIELD_ORDER.indexOf(name);
  return i === -1 ? FIELD_ORDER.length : i;
}
