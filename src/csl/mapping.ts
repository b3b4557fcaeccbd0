/**
 * Store entries -> CSL-JSON items.
 *
 * citation-js (plugin-bibtex) does the BibTeX semantics: LaTeX to Unicode, names, dates, types and field mapping.
 * bibfolio then adds what citation-js leaves out and a publication list needs: the arXiv identifier and preprint form,
 * `and others`, the `author+an` annotations, the `selected` mark, and names with no markup in them.
 */
import { readEntryConventions, type ConventionContext, type ReadEntry } from '../conventions/read-entry.js';
import { DEFAULT_MACROS, type Macros } from '../conventions/preamble-macros.js';
import { GENRE_WORDS } from '../conventions/entry-types.js';
import { parseAnnotation } from '../model/annotations.js';
import { cleanDate, isSelected, publicationKind } from './item-facts.js';
import { arxivAbsUrl, arxivIdOfFields } from '../model/arxiv-id.js';
import type { BibEntry } from '../model/entry.js';
import type { NameChanges } from '../model/name-changes.js';
import type { Problem } from '../model/problems.js';
import { load as citationJs } from '../vendor/citation-js.js';
import { entryCacheKeys } from './entry-key.js';
import { toCitationJsEntry, type CitationJsEntry } from './citation-js-input.js';
import { readEntryValues } from './citation-js-values.js';
import type { BibfolioData, CslItem, CslName } from './types.js';

export interface MappedItems {
  readonly items: readonly CslItem[];
  readonly problems: readonly Problem[];
}

type LooseItem = Record<string, unknown> & { id: string; type: string };

export interface ItemCache {
  get(key: string): CslItem | undefined;
  set(key: string, item: CslItem): void;
}

export interface MappingOptions {
  readonly nameChanges?: NameChanges;
  /** Items mapped by an earlier run, by a hash of the entry's content and `cacheContext`. */
  readonly cache?: ItemCache;
  /** What else the mapping depends on (versions, name changes, the store's macros); part of every cache key. */
  readonly cacheContext?: string;
  /** Commands the store defines in `@preamble` (see conventions/preamble-macros.ts). */
  readonly macros?: Macros;
}

export function toCslItems(allEntries: readonly BibEntry[], file?: string, options: MappingOptions = {}): MappedItems {
  const { cache } = options;
  if (cache) {
    // entries mapped before are taken from the cache (with their current place in the file); the others are mapped
    const keys = entryCacheKeys(allEntries, options.cacheContext ?? '');
    const cached = keys.map((k) => cache.get(k));
    const fresh = toCslItems(
      allEntries.filter((_, i) => !cached[i]),
      file,
      { ...options, cache: undefined },
    );
    const byEntry = new Map(fresh.items.map((item) => [item.custom.index, item]));
    const items: CslItem[] = [];
    const used = new Set<string>();
    allEntries.forEach((entry, i) => {
      const key = keys[i] as string;
      // two entries with the same text (a duplicated entry) get one object each: its place in the file is its own
      const hit = used.has(key) && cached[i] ? structuredClone(cached[i]) : cached[i];
      used.add(key);
      if (hit) {
        // a fresh object from the cache file: its place in the file is updated in place
        const custom = hit.custom as { line: number; index: number };
        custom.line = entry.line;
        custom.index = entry.index;
        items.push(hit);
      } else {
        const item = byEntry.get(entry.index);
        if (!item) return;
        cache.set(key, item);
        items.push(item);
      }
    });
    return { items, problems: fresh.problems };
  }
  const entries = allEntries;
  const context: ConventionContext = { macros: options.macros ?? DEFAULT_MACROS };
  const readings = entries.map((entry) => readEntryConventions(entry, context));
  const inputs = entries.map((entry, i) => toCitationJsEntry(entry, readings[i] as ReadEntry));
  const problems: Problem[] = [];
  let converted: LooseItem[] | undefined;
  try {
    converted = convert(inputs);
  } catch {
    converted = undefined;
  }
  const items: CslItem[] = [];
  entries.forEach((entry, i) => {
    let item = converted?.[i];
    if (!item) {
      try {
        item = convert([inputs[i] as CitationJsEntry])[0];
      } catch (err) {
        problems.push({
          severity: 'error',
          code: 'unreadable-entry',
          message: unreadableMessage(inputs[i] as CitationJsEntry, err as Error),
          ...(file !== undefined ? { file } : {}),
          line: entry.line,
          key: entry.key,
        });
        return;
      }
    }
    if (item) items.push(finish(entry, item, readings[i] as ReadEntry, options));
  });
  return { items, problems };
}

/** The first field that cannot be read on its own, or undefined. */
function unreadableField(input: CitationJsEntry): string | undefined {
  for (const [name, value] of Object.entries(input.properties)) {
    try {
      convert([{ ...input, properties: { [name]: value } }]);
    } catch {
      return name;
    }
  }
  return undefined;
}

/**
 * An entry citation-js cannot read, in bibfolio's words: which field, the text around the place, what to fix.
 * citation-js's parser trail (`StringNames->Name->…`) is not shown.
 */
function unreadableMessage(input: CitationJsEntry, err: Error): string {
  const field = unreadableField(input);
  const at = /at line \d+ col (\d+)/.exec(err.message);
  const value = field !== undefined ? (input.properties[field] ?? '') : '';
  const column = at ? Number(at[1]) : 0;
  const near = value.slice(Math.max(0, column - 20), column + 20).replace(/\s+/g, ' ');
  const what = /rbrace|lbrace|EOF/.test(err.message)
    ? 'a LaTeX command there has no {argument}, or a brace is missing'
    : 'its LaTeX cannot be read';
  return field !== undefined
    ? `the ${field} field cannot be read: ${what}, near "${near}"; fix the LaTeX in that field`
    : `this entry cannot be read (${err.message.split('\n')[0]}); check its braces and LaTeX commands`;
}

/** citation-js's reading of biblatex entries (`@biblatex/entries+list`): values read, then mapped to CSL. */
function convert(inputs: readonly CitationJsEntry[]): LooseItem[] {
  const cjs = citationJs();
  const out = cjs.mapEntries(inputs.map((input) => readEntryValues(input, cjs)));
  if (!Array.isArray(out) || out.length !== inputs.length) throw new Error('unexpected output from citation-js');
  return out as LooseItem[];
}

const MARKUP = /<\/?(?:i|b|sup|sub|span)\b[^>]*>/g;

/** Names carry no formatting: `O'Brien_{\textbf{x}}` is the name `O'Brien_x`, never bold text. */
function cleanName(name: Record<string, unknown>): CslName {
  const out: Record<string, string> = {};
  for (const [part, value] of Object.entries(name)) {
    if (typeof value === 'string') out[part] = value.includes('<') ? value.replace(MARKUP, '') : value;
  }
  return out as CslName;
}

function isOthers(name: CslName): boolean {
  return !name.given && (name.family ?? name.literal ?? '').trim().toLowerCase() === 'others';
}

function finish(entry: BibEntry, item: LooseItem, read: ReadEntry, options: MappingOptions): CslItem {
  const out: Record<string, unknown> = { ...item };
  delete out._graph;
  out.id = entry.key;
  // biblatex's localisation keys (`phdthesis`) as words; a site-specific type's genre (`@bachelorthesis`)
  const genre = typeof item.genre === 'string' ? GENRE_WORDS[item.genre.toLowerCase()] : undefined;
  if (genre) out.genre = genre;
  else if (read.genre && !entry.fields.has('type')) out.genre = read.genre;

  let truncated = false;
  for (const role of ['author', 'editor'] as const) {
    const names = item[role];
    if (!Array.isArray(names)) continue;
    let cleaned = (names as Record<string, unknown>[]).map(cleanName);
    if (cleaned.length > 0 && isOthers(cleaned[cleaned.length - 1] as CslName)) {
      cleaned = cleaned.slice(0, -1);
      if (role === 'author') truncated = true;
    }
    // `others` between names (a CV that keeps the owner's place at the end of a long list): the names left out there
    if (cleaned.some(isOthers)) cleaned = cleaned.map((n) => (isOthers(n) ? { literal: '…' } : n));
    out[role] = options.nameChanges && options.nameChanges.size > 0 ? options.nameChanges.applyAll(cleaned) : cleaned;
  }

  // a report's or patent's number is an identifier (`2017-03`), not a range: citeproc-js keeps an escaped hyphen
  if (IDENTIFIER_NUMBER_TYPES.has(String(out.type)) && typeof out.number === 'string')
    out.number = out.number.replace(/\\?-/g, '\\-');

  // biblatex reads publisher, location and institution as lists ("and" between); BibTeX, and these fields' writers,
  // as one literal: "John Wiley and Sons" is one publisher, never the list citeproc-js would print nothing of
  for (const variable of LITERAL_LIST_VARIABLES) {
    const value = out[variable];
    if (Array.isArray(value)) out[variable] = value.map(String).join(' and ');
  }

  for (const variable of DATE_VARIABLES) {
    if (variable in out) {
      const date = cleanDate(out[variable]);
      if (date) out[variable] = date;
      else delete out[variable];
    }
  }

  const arxiv = arxivIdOfFields(entry.fields);
  const kind = publicationKind({ type: read.type, fields: entry.fields }, arxiv !== undefined);
  if (arxiv && kind === 'preprint') {
    out.type = 'article';
    out.number = `arXiv:${arxiv.id}`;
    // DBLP names arXiv's computing repository CoRR (`journal = {CoRR}`): the venue as the store names it
    out.publisher = /^\s*\{?corr\b/i.test(entry.fields.get('journal') ?? '') ? 'CoRR' : 'arXiv';
    out.genre = 'Preprint';
    delete out['container-title'];
    // DBLP's `volume = {abs/2301.12852}` is the identifier again, not a volume
    if (typeof out.volume === 'string' && /^abs\//i.test(out.volume)) delete out.volume;
    out.URL ??= arxivAbsUrl(arxiv.id);
  }

  const annotationText = entry.annotations.get('author');
  const authorAnnotations: Record<number, readonly string[]> = {};
  if (annotationText) {
    for (const [position, names] of parseAnnotation(annotationText).items) authorAnnotations[position] = names;
  }
  // marks written in the names (`Xu*, Kai`), after the store's own annotations
  for (const [position, names] of read.marks.get('author') ?? []) {
    authorAnnotations[position] = [...new Set([...(authorAnnotations[position] ?? []), ...names])];
  }

  const custom: BibfolioData = {
    ...(typeof item.custom === 'object' && item.custom !== null ? (item.custom as object) : {}),
    key: entry.key,
    bibType: entry.type,
    line: entry.line,
    index: entry.index,
    ...(arxiv ? { arxiv: arxiv.id } : {}),
    selected: isSelected(entry),
    truncated,
    authorAnnotations,
    kind,
  };
  out.custom = custom;
  return out as unknown as CslItem;
}

const IDENTIFIER_NUMBER_TYPES = new Set(['report', 'patent', 'standard', 'regulation', 'legislation']);

/** CSL variables that citation-js fills from a biblatex literal list (an array), which CSL reads as one string. */
const LITERAL_LIST_VARIABLES = [
  'publisher',
  'publisher-place',
  'event-place',
  'original-publisher',
  'original-publisher-place',
  'authority',
  'archive',
  'archive-place',
];

const DATE_VARIABLES = ['issued', 'accessed', 'event-date', 'original-date', 'submitted', 'available-date'];
