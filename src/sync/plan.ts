/**
 * The arXiv sync as a pure function: store text + sidecar + arXiv records -> new store text, new sidecar, report.
 *
 * The merge rule, field by field, for the fields arXiv owns (title, authors, year and month of preprints, eprint,
 * archivePrefix, primaryClass, url, doi, journal_ref of preprints, abstract when asked):
 * - the store has no value and no sync wrote one: arXiv's value is added;
 * - the store's value says the same as arXiv's: nothing to do;
 * - the store's value is the one the last sync wrote (the sidecar's base): the owner did not touch it, arXiv's
 *   new value replaces it;
 * - otherwise the owner edited it (or wrote it by hand before any sync): it stays; when arXiv's value changed too
 *   since the last sync, it is reported as a conflict.
 * An author list ending in `and others` whose names begin arXiv's list is completed, and the `author+an` positions
 * follow the same people. Fields arXiv does not own are never touched.
 */
import { mergeEntry, sidecarFields } from './merge-entry.js';
import {
  ARXIV_FIELDS,
  detectConvention,
  FIELD_SPELLING,
  fieldsFromRecord,
  personFromArxiv,
} from '../arxiv/to-fields.js';
import { arxivIdOfFields } from '../model/arxiv-id.js';
import { appendEntries, type FieldValue, type NewEntry, type TextEdit } from '../store/edit.js';
import { fileStyle } from '../store/entry-style.js';
import { rewriteStore } from '../store/rewrite.js';
import type { ParsedStore } from '../store/parse.js';
import { citationKey, keyPatternOf } from './keys.js';
import { promotionOf } from './promote.js';
import type { SidecarRecord } from './sidecar.js';

export type { FieldConflict, SyncInput, SyncPlan, SyncReport } from './sync-types.js';
import type { SyncInput, SyncPlan, SyncReport, FieldConflict } from './sync-types.js';

export function idsToSync(store: ParsedStore, requested: readonly string[]): string[] {
  if (requested.length > 0) return [...new Set(requested)];
  const ids = store.entries.map((e) => arxivIdOfFields(e.fields)?.id).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

export function planSync(input: SyncInput): SyncPlan {
  const { store } = input;
  if (!store.lossless) throw new Error('the store cannot be parsed losslessly; it must not be rewritten');
  const source = store.scan.source;
  const convention = input.convention ?? detectConvention(source);
  const style = fileStyle(
    source,
    store.entries.map((e) => e.raw),
  );
  const mapOptions = {
    convention,
    abstract: input.abstract,
    ...(input.nameChanges ? { nameChanges: input.nameChanges } : {}),
  };

  const edits: TextEdit[] = [];
  const sidecarEntries: Record<string, SidecarRecord> = { ...input.sidecar.entries };
  const report = {
    created: [] as Array<{ key: string; id: string }>,
    updated: [] as Array<{ key: string; id: string; fields: string[] }>,
    unchanged: [] as Array<{ key: string; id: string }>,
    published: [] as Array<SyncReport['published'][number]>,
    newVersions: [] as Array<SyncReport['newVersions'][number]>,
    conflicts: [] as FieldConflict[],
    kept: [] as FieldConflict[],
    notFound: [...input.notFound],
  };

  const requested = new Set(input.requested);
  const present = new Set<string>();
  for (const entry of store.entries) {
    const id = arxivIdOfFields(entry.fields)?.id;
    if (!id) continue;
    present.add(id);
    if (requested.size > 0 && !requested.has(id)) continue;
    const record = input.records.get(id);
    if (!record) continue;
    const base = input.sidecar.entries[id];
    const merged = mergeEntry(entry, record, base, source, style, input, mapOptions);
    edits.push(...merged.edits);
    sidecarEntries[id] = merged.sidecar;
    if (merged.changed.length > 0) report.updated.push({ key: entry.key, id, fields: merged.changed });
    else report.unchanged.push({ key: entry.key, id });
    report.conflicts.push(...merged.conflicts);
    report.kept.push(...merged.kept);
    if (merged.published) report.published.push(merged.published);
    if (!base || base.version !== record.version) {
      report.newVersions.push({ key: entry.key, id, ...(base ? { from: base.version } : {}), to: record.version });
    }
  }

  // new entries for named IDs that the store does not hold
  const taken = new Set(store.entries.map((e) => e.key));
  const pattern = keyPatternOf(store, input.keyPattern);
  const newEntries: NewEntry[] = [];
  for (const id of input.requested) {
    if (present.has(id)) continue;
    const record = input.records.get(id);
    if (!record) continue;
    const theirs = fieldsFromRecord(record, mapOptions);
    const firstAuthor = record.authors[0] ? personFromArxiv(record.authors[0].name) : undefined;
    const key = citationKey({ firstAuthor, year: theirs.get('year')?.text, title: record.title }, taken, pattern);
    taken.add(key);
    let type = 'misc';
    const fields: Array<[string, FieldValue]> = [];
    for (const f of ARXIV_FIELDS) {
      const value = theirs.get(f);
      if (value) fields.push([FIELD_SPELLING[f], value]);
    }
    let promoted = false;
    if (input.promote && record.journalRef) {
      const promotion = promotionOf(record.journalRef, record.doi);
      type = promotion.type;
      for (const [name, value] of promotion.fields) {
        const at = fields.findIndex(([n]) => n.toLowerCase() === name);
        if (at === -1) fields.splice(2, 0, [name, value]);
        else fields[at] = [fields[at]?.[0] ?? name, value];
      }
      promoted = true;
    }
    newEntries.push({ type, key, fields });
    sidecarEntries[id] = { fields: sidecarFields(theirs), version: record.version };
    report.created.push({ key, id });
    report.newVersions.push({ key, id, to: record.version });
    if (record.doi || record.journalRef) {
      report.published.push({
        key,
        id,
        ...(record.doi ? { doi: record.doi } : {}),
        ...(record.journalRef ? { journalRef: record.journalRef } : {}),
        since: 'this sync',
        promoted,
      });
    }
  }
  const append = appendEntries(source, newEntries, style);
  if (append) edits.push(append);

  return {
    source: rewriteStore(store, edits),
    // the venue sync's records are kept as they are
    sidecar: { version: 1, entries: sidecarEntries, ...(input.sidecar.venues ? { venues: input.sidecar.venues } : {}) },
    report,
  };
}
