/**
 * A list's document from its entries' records (engine/render-session.ts): the records as items that sorting, selecting
 * and grouping understand, in the store's order; the warning for an entry the style prints as nothing, said every
 * run, from a cached record too; then the document (render/list.ts's documentOf, as the other render path).
 */
import { printsSomething } from '../csl/ir.js';
import type { CslDate, PublicationKind } from '../csl/types.js';
import type { Problem } from '../model/problems.js';
import type { ResolvedEntry } from '../render/document.js';
import { arrangeList, documentOf, printedNothing, type ListOptions, type RenderedList } from '../render/list.js';
import type { ListedEntry } from './session-store.js';

/** An entry's finished rendering, with what sorting, selecting and grouping need. */
export interface EntryRecord {
  readonly id: string;
  readonly ir: string;
  readonly annotations: readonly string[];
  readonly issued?: CslDate;
  readonly kind: PublicationKind;
  readonly selected: boolean;
  /** The owner is among the authors (a member's own list keeps only these). */
  readonly owned: boolean;
}

/** The list of `found` (one record per store entry, undefined for an entry that could not be mapped). */
export function listFromRecords(
  listed: readonly ListedEntry[],
  found: readonly (EntryRecord | undefined)[],
  options: ListOptions,
  problems: Problem[],
): RenderedList {
  const byStoreIndex = new Map(listed.map((e, i) => [e.index, i]));
  // the records as items that sorting and grouping understand, in the store's order
  const items = listed.flatMap((entry, i) => {
    const record = found[i];
    if (!record) return []; // an entry that could not be mapped: reported by the mapping
    return [
      {
        id: record.id,
        issued: record.issued,
        custom: { index: entry.index, line: entry.line, kind: record.kind, selected: record.selected },
        record,
      },
    ];
  });
  const arranged = arrangeList(items, options, (x) => x.record.owned);
  const ordered = arranged.flatMap((g) => g.items);
  const entries: ResolvedEntry[] = ordered.map((x) => ({ ir: x.record.ir, annotations: x.record.annotations }));
  // an entry the style prints as nothing is said every run, from a cached record too
  const warned = new Set(problems.map((p) => p.key));
  for (const x of ordered) {
    if (printsSomething(x.record.ir) || warned.has(x.id)) continue;
    const entry = listed[byStoreIndex.get(x.custom.index) ?? -1];
    problems.push(printedNothing(x.id, x.custom.line, entry?.type ?? 'misc'));
  }
  return documentOf(arranged, entries, options, problems);
}
