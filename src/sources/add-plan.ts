/**
 * `bibfolio add` and `import`: which of the works are new, and the store with them appended. One paper, one entry:
 * a work whose DOI or arXiv ID, or whose title and first author, the store already holds is reported with the key
 * that has it, never added twice; a preprint and its published version among the new works become one entry, the
 * published one with the preprint's arXiv ID. Every value goes through the store's writer and the rewrite is read
 * back (store/rewrite.ts). Pure.
 */
import { detectConvention } from '../arxiv/to-fields.js';
import { arxivIdOfFields } from '../model/arxiv-id.js';
import { cleanDoi } from '../model/identifiers.js';
import { splitNames } from '../model/name-list.js';
import { foldText } from '../model/names.js';
import { appendEntries, type NewEntry } from '../store/edit.js';
import { fileStyle } from '../store/entry-style.js';
import type { ParsedStore } from '../store/parse.js';
import { rewriteStore } from '../store/rewrite.js';
import type { CslWork } from './doi.js';
import { keyPatternOf } from '../sync/keys.js';
import { workToEntry } from './work-to-entry.js';

export interface AddReport {
  readonly added: readonly { readonly id: string; readonly key: string }[];
  readonly present: readonly { readonly id: string; readonly key: string }[];
  /** Works whose title the store already has under another first author: a question, never merged silently. */
  readonly near: readonly { readonly id: string; readonly key: string; readonly title: string }[];
}

export interface AddPlan {
  readonly source: string;
  readonly report: AddReport;
}

/** A paper's title and first author, folded: how one paper is known across sources without a shared identifier. */
function paperKey(fields: ReadonlyMap<string, string>): string | undefined {
  const title = foldText((fields.get('title') ?? '').replace(/\\[A-Za-z]+|[{}$\\]/g, '')).replace(/[^a-z0-9]/g, '');
  const first = splitNames(fields.get('author') ?? '')[0] ?? '';
  const family = first.includes(',') ? first.slice(0, first.indexOf(',')) : (first.split(/\s+/).pop() ?? '');
  const who = foldText(family.replace(/[{}\\]/g, '')).replace(/[^a-z0-9]/g, '');
  return title.length >= 12 && who ? `${title}|${who}` : undefined;
}

const isPreprintEntry = (entry: NewEntry) =>
  entry.fields.some(([n]) => n === 'eprint') && !entry.fields.some(([n]) => n === 'doi');

const fieldsOf = (entry: NewEntry) => new Map(entry.fields.map(([name, value]) => [name.toLowerCase(), value.text]));

/** The identifiers an entry is known by: its DOI and its arXiv ID, lower-cased. */
function identifiersOf(fields: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const doi = cleanDoi(fields.get('doi'));
  if (doi) out.push(`doi:${doi.toLowerCase()}`);
  const arxiv = arxivIdOfFields(fields)?.id;
  if (arxiv) out.push(`arxiv:${arxiv.toLowerCase()}`, `doi:10.48550/arxiv.${arxiv.toLowerCase()}`);
  return out;
}

export function planAdd(
  store: ParsedStore,
  works: readonly { readonly id: string; readonly work: CslWork }[],
  options: {
    readonly selected?: boolean;
    readonly accept?: ReadonlySet<string>;
    /** The pattern of new keys (config `keyPattern`); else the store's own. */
    readonly keyPattern?: string;
  } = {},
): AddPlan {
  if (!store.lossless) throw new Error('the store cannot be parsed losslessly; it must not be rewritten');
  const source = store.scan.source;
  const known = new Map<string, string>();
  const papers = new Map<string, string>();
  /** Folded titles alone, for near matches. */
  const titles = new Map<string, string>();
  const near: { id: string; key: string; title: string }[] = [];
  for (const entry of store.entries) {
    for (const id of identifiersOf(entry.fields)) known.set(id, entry.key);
    const paper = paperKey(entry.fields);
    if (paper) {
      papers.set(paper, entry.key);
      titles.set(paper.slice(0, paper.indexOf('|')), entry.key);
    }
  }
  /** Candidates by paper key: their place in `entries`. */
  const candidates = new Map<string, number>();
  const taken = new Set(store.entries.map((e) => e.key));
  const convention = detectConvention(source);
  const keyPattern = keyPatternOf(store, options.keyPattern);
  const added: { id: string; key: string }[] = [];
  const present: { id: string; key: string }[] = [];
  const entries: NewEntry[] = [];
  for (const { id, work } of works) {
    const entry = workToEntry(work, { convention, taken, keyPattern, ...(options.selected ? { selected: true } : {}) });
    const fields = fieldsOf(entry);
    const ids = identifiersOf(fields);
    const paper = paperKey(fields);
    const existing =
      ids.map((i) => known.get(i)).find((k) => k !== undefined) ?? (paper ? papers.get(paper) : undefined);
    if (existing !== undefined) {
      present.push({ id, key: existing });
      continue;
    }
    const twin = paper === undefined ? undefined : candidates.get(paper);
    const title = paper?.slice(0, paper.indexOf('|'));
    const sameTitle = title === undefined || twin !== undefined ? undefined : titles.get(title);
    if (sameTitle !== undefined && !options.accept?.has(id) && !options.accept?.has(entry.key)) {
      // the same title under another first author: perhaps the same paper, perhaps not; the owner decides
      near.push({ id, key: sameTitle, title: fields.get('title') ?? '' });
      continue;
    }
    if (twin !== undefined) {
      // the same paper from another source: one entry, the published version, with the preprint's arXiv ID kept
      const other = entries[twin] as NewEntry;
      const [published, preprint] = isPreprintEntry(other) && !isPreprintEntry(entry) ? [entry, other] : [other, entry];
      const eprint = preprint.fields.filter(([n]) => n === 'eprint' || n === 'archivePrefix');
      const merged: NewEntry = {
        ...published,
        key: other.key,
        fields: [...published.fields, ...(published.fields.some(([n]) => n === 'eprint') ? [] : eprint)],
      };
      entries[twin] = merged;
      for (const i of [...ids, ...identifiersOf(fieldsOf(merged))]) known.set(i, merged.key);
      present.push({ id, key: merged.key });
      continue;
    }
    for (const i of ids) known.set(i, entry.key);
    if (paper) candidates.set(paper, entries.length);
    if (title) titles.set(title, entry.key);
    taken.add(entry.key);
    entries.push(entry);
    added.push({ id, key: entry.key });
  }
  const style = fileStyle(
    source,
    store.entries.map((e) => e.raw),
  );
  const edit = appendEntries(source, entries, style);
  return { source: rewriteStore(store, edit ? [edit] : []), report: { added, present, near } };
}
