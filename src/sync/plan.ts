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
import type { ArxivRecord } from '../arxiv/atom.js';
import { mergeField } from './merge-rule.js';
import { isPreprint } from '../model/preprint.js';
import {
  ARXIV_FIELDS,
  detectConvention,
  FIELD_SPELLING,
  fieldsFromRecord,
  personFromArxiv,
  type ArxivField,
  type TextConvention,
} from '../arxiv/to-fields.js';
import { arxivIdOfFields } from '../model/arxiv-id.js';
import type { BibEntry } from '../model/entry.js';
import type { NameChanges } from '../model/name-changes.js';
import {
  appendEntries,
  appendFields,
  entryStyle,
  fileStyle,
  removeField,
  replaceValue,
  setEntryType,
  type EntryStyle,
  type FieldValue,
  type NewEntry,
  type TextEdit,
} from '../store/edit.js';
import { rewriteStore } from '../store/rewrite.js';
import type { ParsedStore } from '../store/parse.js';
import type { RawEntry, RawField } from '../model/syntax.js';
import { nameKeys, sameValue } from './compare.js';
import { citationKey } from './keys.js';
import { promotionOf } from './promote.js';
import type { Sidecar, SidecarRecord } from './sidecar.js';

export interface SyncInput {
  readonly store: ParsedStore;
  readonly sidecar: Sidecar;
  readonly records: ReadonlyMap<string, ArxivRecord>;
  readonly notFound: readonly string[];
  /** IDs named on the command line (without version); entries are created for those not in the store. */
  readonly requested: readonly string[];
  readonly promote: boolean;
  readonly abstract: boolean;
  readonly nameChanges?: NameChanges;
  readonly convention?: TextConvention;
}

export interface FieldConflict {
  readonly key: string;
  readonly id: string;
  readonly field: string;
  readonly ours: string;
  readonly theirs: string;
  readonly base?: string;
}

export interface SyncReport {
  readonly created: ReadonlyArray<{ readonly key: string; readonly id: string }>;
  readonly updated: ReadonlyArray<{ readonly key: string; readonly id: string; readonly fields: readonly string[] }>;
  readonly unchanged: ReadonlyArray<{ readonly key: string; readonly id: string }>;
  readonly published: ReadonlyArray<{
    readonly key: string;
    readonly id: string;
    readonly doi?: string;
    readonly journalRef?: string;
    readonly since: 'this sync' | 'earlier';
    readonly promoted: boolean;
  }>;
  readonly newVersions: ReadonlyArray<{
    readonly key: string;
    readonly id: string;
    readonly from?: number;
    readonly to: number;
  }>;
  readonly conflicts: readonly FieldConflict[];
  /** Hand-written values that differ from arXiv (no earlier sync to tell who changed them): kept. */
  readonly kept: readonly FieldConflict[];
  readonly notFound: readonly string[];
}

export interface SyncPlan {
  readonly source: string;
  readonly sidecar: Sidecar;
  readonly report: SyncReport;
}

/** The arXiv IDs a sync fetches: the named ones, or every entry's. */
export function idsToSync(store: ParsedStore, requested: readonly string[]): string[] {
  if (requested.length > 0) return [...new Set(requested)];
  const ids = store.entries.map((e) => arxivIdOfFields(e.fields)?.id).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

function rawField(entry: RawEntry, name: string): RawField | undefined {
  return entry.fields.find((f) => f.name === name);
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
  const newEntries: NewEntry[] = [];
  for (const id of input.requested) {
    if (present.has(id)) continue;
    const record = input.records.get(id);
    if (!record) continue;
    const theirs = fieldsFromRecord(record, mapOptions);
    const firstAuthor = record.authors[0] ? personFromArxiv(record.authors[0].name) : undefined;
    const key = citationKey(firstAuthor, theirs.get('year')?.text, record.title, taken);
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

function sidecarFields(theirs: ReadonlyMap<ArxivField, FieldValue>): Record<string, string> {
  return Object.fromEntries([...theirs].map(([f, v]) => [f, v.text]));
}

interface EntryMerge {
  readonly edits: TextEdit[];
  readonly changed: string[];
  readonly conflicts: FieldConflict[];
  readonly kept: FieldConflict[];
  readonly sidecar: SidecarRecord;
  readonly published?: SyncReport['published'][number];
}

function mergeEntry(
  entry: BibEntry,
  record: ArxivRecord,
  base: SidecarRecord | undefined,
  source: string,
  fileStyleValue: EntryStyle,
  input: SyncInput,
  mapOptions: Parameters<typeof fieldsFromRecord>[1],
): EntryMerge {
  const raw = entry.raw;
  const style = entryStyle(source, raw, fileStyleValue);
  const theirs = fieldsFromRecord(record, mapOptions);
  const preprint = isPreprint(entry.type, entry.fields);
  const edits: TextEdit[] = [];
  const added: Array<[string, FieldValue]> = [];
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  const kept: FieldConflict[] = [];
  const biblatexEprint = entry.fields.has('eprinttype');
  let newAuthorList: string | undefined;

  for (const field of ARXIV_FIELDS) {
    const value = theirs.get(field);
    if (!value) continue;
    // arXiv's date is that of the first version: it dates a preprint, not a published paper
    if ((field === 'year' || field === 'month' || field === 'journal_ref') && !preprint) continue;
    // biblatex spelling of the same facts
    if (field === 'archiveprefix' && biblatexEprint) continue;
    const name = field === 'primaryclass' && biblatexEprint ? 'eprintclass' : field;
    if (name === 'eprintclass' && entry.fields.has('eprintclass')) continue;
    const ours = entry.fields.get(name);
    const baseValue = base?.fields[field];
    const where = { key: entry.key, id: record.id, field: name };

    const target = rawField(raw, name);
    const merge = mergeField({
      ours,
      theirs: value.text,
      base: baseValue,
      same: (a, b) => sameValue(field, a, b),
      replaceable: (current) => field === 'author' && completesAuthorList(current, value.text),
    });
    switch (merge.kind) {
      case 'same':
        break;
      case 'deleted-by-owner':
        if (merge.conflict) conflicts.push({ ...where, ours: '(deleted)', theirs: value.text, base: baseValue });
        break;
      case 'add': {
        const spelled = field === 'primaryclass' && biblatexEprint ? 'eprintclass' : FIELD_SPELLING[field];
        added.push([spelled, value]);
        changed.push(spelled);
        if (field === 'author') newAuthorList = value.text;
        break;
      }
      case 'update':
        if (target) {
          edits.push(replaceValue(raw, target, value, style));
          changed.push(source.slice(target.nameSpan.start, target.nameSpan.end));
          if (field === 'author') newAuthorList = value.text;
        }
        break;
      case 'kept-edit':
        if (merge.conflict) conflicts.push({ ...where, ours: ours ?? '', theirs: value.text, base: baseValue });
        else if (baseValue === undefined) kept.push({ ...where, ours: ours ?? '', theirs: value.text });
        break;
    }
  }

  // author+an follows the people when the author list changes
  const annotation = rawField(raw, 'author+an');
  const oldAuthors = entry.fields.get('author');
  if (newAuthorList !== undefined && annotation && oldAuthors !== undefined) {
    const remapped = remapAnnotation(entry.annotations.get('author') ?? '', oldAuthors, newAuthorList);
    if (remapped !== undefined && remapped !== entry.annotations.get('author')) {
      edits.push(replaceValue(raw, annotation, { text: remapped }, style));
      changed.push('author+an');
    }
  }

  let published: SyncReport['published'][number] | undefined;
  if (preprint && (record.doi || record.journalRef)) {
    const since =
      base && (base.fields.doi !== undefined || base.fields.journal_ref !== undefined) ? 'earlier' : 'this sync';
    let promoted = false;
    if (input.promote && record.journalRef) {
      const promotion = promotionOf(record.journalRef, record.doi);
      edits.push(setEntryType(raw, source, promotion.type));
      for (const [name, value] of promotion.fields) {
        const ours = entry.fields.get(name);
        const placeholder = (name === 'journal' || name === 'booktitle') && ours !== undefined && /arxiv/i.test(ours);
        const syncOwned =
          name === 'year' &&
          ours !== undefined &&
          base?.fields.year !== undefined &&
          sameValue('year', ours, base.fields.year);
        const target = rawField(raw, name);
        if (ours !== undefined && target && (placeholder || syncOwned)) {
          edits.push(replaceValue(raw, target, value, style));
          changed.push(name);
        } else if (ours === undefined && !added.some(([n]) => n.toLowerCase() === name)) {
          added.push([name, value]);
          changed.push(name);
        }
      }
      // the month of the first arXiv version does not date the publication: a sync-written month goes
      const month = rawField(raw, 'month');
      const ownMonth = entry.fields.get('month');
      if (
        month &&
        ownMonth !== undefined &&
        base?.fields.month !== undefined &&
        sameValue('month', ownMonth, base.fields.month) &&
        promotion.fields.has('year')
      ) {
        edits.push(removeField(source, raw, month));
        changed.push('month (removed)');
      }
      changed.push('(entry type)');
      promoted = true;
    }
    published = {
      key: entry.key,
      id: record.id,
      ...(record.doi ? { doi: record.doi } : {}),
      ...(record.journalRef ? { journalRef: record.journalRef } : {}),
      since,
      promoted,
    };
  }

  const append = appendFields(source, raw, added, fileStyleValue);
  if (append) edits.push(append);
  return {
    edits,
    changed: [...new Set(changed)],
    conflicts,
    kept,
    sidecar: { fields: sidecarFields(theirs), version: record.version },
    ...(published ? { published } : {}),
  };
}

/** `A and B and others` is completed by `A and B and C and D`: its named authors begin arXiv's list. */
export function completesAuthorList(ours: string, theirs: string): boolean {
  const a = nameKeys(ours);
  if (a[a.length - 1] !== 'others|') return false;
  const named = a.slice(0, -1);
  const b = nameKeys(theirs);
  if (b.length <= named.length) return false;
  return named.every((key, i) => samePerson(key, b[i] ?? ''));
}

function samePerson(a: string, b: string): boolean {
  const [fa, ga = ''] = a.split('|');
  const [fb, gb = ''] = b.split('|');
  if (fa !== fb) return false;
  const ia = ga
    .split(' ')
    .map((w) => w[0])
    .join('');
  const ib = gb
    .split(' ')
    .map((w) => w[0])
    .join('');
  return ia === '' || ib === '' || ia.startsWith(ib) || ib.startsWith(ia);
}

/** Renumbers `author+an` positions so that they follow the same people in the new list. */
export function remapAnnotation(annotation: string, oldAuthors: string, newAuthors: string): string | undefined {
  const before = nameKeys(oldAuthors);
  const after = nameKeys(newAuthors);
  const used = new Set<number>();
  const map = new Map<number, number>();
  before.forEach((key, i) => {
    const j = after.findIndex((k, at) => !used.has(at) && samePerson(key, k));
    if (j !== -1) {
      used.add(j);
      map.set(i + 1, j + 1);
    }
  });
  return annotation.replace(
    /(^|;)(\s*)(\d+)(?=\s*[:=])/g,
    (_m, sep: string, space: string, n: string) => `${sep}${space}${map.get(Number(n)) ?? n}`,
  );
}
