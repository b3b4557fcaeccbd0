/**
 * `bibfolio add`: which of the requested works are new, and the store with them appended. One paper, one entry: a
 * work whose DOI or arXiv ID the store already holds (or that an earlier ID of the same run brought) is reported
 * with the key that has it, never added twice. Every value goes through the store's writer and the rewrite is read
 * back (store/rewrite.ts). Pure.
 */
import { detectConvention } from '../arxiv/to-fields.js';
import { arxivIdOfFields } from '../model/arxiv-id.js';
import { cleanDoi } from '../model/identifiers.js';
import { appendEntries, fileStyle, type NewEntry } from '../store/edit.js';
import type { ParsedStore } from '../store/parse.js';
import { rewriteStore } from '../store/rewrite.js';
import type { CslWork } from './doi.js';
import { workToEntry } from './work-to-entry.js';

export interface AddReport {
  readonly added: readonly { readonly id: string; readonly key: string }[];
  readonly present: readonly { readonly id: string; readonly key: string }[];
}

export interface AddPlan {
  readonly source: string;
  readonly report: AddReport;
}

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
  options: { readonly selected?: boolean } = {},
): AddPlan {
  if (!store.lossless) throw new Error('the store cannot be parsed losslessly; it must not be rewritten');
  const source = store.scan.source;
  const known = new Map<string, string>();
  for (const entry of store.entries) for (const id of identifiersOf(entry.fields)) known.set(id, entry.key);
  const taken = new Set(store.entries.map((e) => e.key));
  const convention = detectConvention(source);
  const added: { id: string; key: string }[] = [];
  const present: { id: string; key: string }[] = [];
  const entries: NewEntry[] = [];
  for (const { id, work } of works) {
    const entry = workToEntry(work, { convention, taken, ...(options.selected ? { selected: true } : {}) });
    const ids = identifiersOf(new Map(entry.fields.map(([name, value]) => [name.toLowerCase(), value.text])));
    const existing = ids.map((i) => known.get(i)).find((k) => k !== undefined);
    if (existing !== undefined) {
      present.push({ id, key: existing });
      continue;
    }
    for (const i of ids) known.set(i, entry.key);
    taken.add(entry.key);
    entries.push(entry);
    added.push({ id, key: entry.key });
  }
  const style = fileStyle(
    source,
    store.entries.map((e) => e.raw),
  );
  const edit = appendEntries(source, entries, style);
  return { source: rewriteStore(store, edit ? [edit] : []), report: { added, present } };
}
