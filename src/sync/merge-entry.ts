/**
 * One entry's merge with its arXiv record: each field arXiv owns through the three-way merge rule (merge-rule.ts),
 * the author list completed and its annotations renumbered, the journal reference that says the preprint was
 * published. Pure.
 */
import type { ArxivRecord } from '../arxiv/atom.js';
import { completesAuthorList, remapAnnotation } from './author-lists.js';
import { mergeField } from './merge-rule.js';
import type { FieldConflict, SyncInput, SyncReport } from './sync-types.js';
import { isPreprint } from '../model/preprint.js';
import { ARXIV_FIELDS, FIELD_SPELLING, fieldsFromRecord, type ArxivField } from '../arxiv/to-fields.js';
import type { BibEntry } from '../model/entry.js';
import {
  appendFields,
  removeField,
  replaceValue,
  setEntryType,
  type FieldValue,
  type TextEdit,
} from '../store/edit.js';
import { entryStyle, type EntryStyle } from '../store/entry-style.js';
import type { RawEntry, RawField } from '../model/syntax.js';
import { sameValue } from './compare.js';
import { promotionOf } from './promote.js';
import type { SidecarRecord } from './sidecar.js';

function rawField(entry: RawEntry, name: string): RawField | undefined {
  return entry.fields.find((f) => f.name === name);
}

export function sidecarFields(theirs: ReadonlyMap<ArxivField, FieldValue>): Record<string, string> {
  return Object.fromEntries([...theirs].map(([f, v]) => [f, v.text]));
}

export interface EntryMerge {
  readonly edits: TextEdit[];
  readonly changed: string[];
  readonly conflicts: FieldConflict[];
  readonly kept: FieldConflict[];
  readonly sidecar: SidecarRecord;
  readonly published?: SyncReport['published'][number];
}

export function mergeEntry(
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
