/**
 * The venue sync as a pure function: store + sidecar + decisions -> new store text, new sidecar, report.
 *
 * What is written: a published venue with `--promote`, a suggested one only for the keys `--accept` names. The
 * merge rule is sync-arxiv's, field by field: a field the store lacks is added; one that says the same is left; one
 * whose value a venue sync wrote (the sidecar's base), an arXiv placeholder (`journal = {arXiv preprint ...}`), or the
 * year sync-arxiv wrote, is replaced; any other value is the owner's and stays (reported as kept). The entry type
 * becomes @article or @inproceedings only when it is a preprint's (@misc, @online, @unpublished, @preprint, or an
 * @article in "arXiv preprint"). Citation counts go to the sidecar with their date, never to the .bib.
 */
import { mergeField } from '../sync/merge-rule.js';
import { isPreprintVenue, writtenAsPreprint } from '../model/preprint.js';
import { bibtexText, detectConvention } from '../arxiv/to-fields.js';
import { arxivIdOfFields } from '../model/arxiv-id.js';
import type { BibEntry } from '../model/entry.js';
import {
  appendFields,
  removeField,
  replaceValue,
  setEntryType,
  type FieldValue,
  type TextEdit,
} from '../store/edit.js';
import { entryStyle, fileStyle } from '../store/entry-style.js';
import { fieldText } from '../store/field-text.js';
import { rewriteStore } from '../store/rewrite.js';
import type { ParsedStore } from '../store/parse.js';
import { sameValue } from '../sync/compare.js';
import type { Sidecar, VenueRecord } from '../sync/sidecar.js';
import type { Claim, Decision } from './decide.js';

export interface VenuePlanInput {
  readonly store: ParsedStore;
  readonly sidecar: Sidecar;
  /** By entry key. */
  readonly decisions: ReadonlyMap<
    string,
    { readonly id: string; readonly decision: Decision; readonly citations?: number }
  >;
  readonly promote: boolean;
  readonly accept: ReadonlySet<string>;
  /** YYYY-MM-DD: the date of the citation counts. */
  readonly today: string;
}

export interface VenueReportItem {
  readonly key: string;
  readonly id: string;
  readonly venue?: string;
  readonly reason?: string;
  readonly claims: readonly Claim[];
  /** Fields written by this run. */
  readonly written: readonly string[];
  /** Fields the venue would change, not written (a published venue without --promote, a suggestion not accepted). */
  readonly pending: readonly string[];
}

export interface VenueReport {
  readonly published: readonly VenueReportItem[];
  readonly suggested: readonly VenueReportItem[];
  readonly nothing: readonly VenueReportItem[];
  /** Hand-written values that differ from the venue's: kept. */
  readonly kept: ReadonlyArray<{
    readonly key: string;
    readonly field: string;
    readonly ours: string;
    readonly theirs: string;
  }>;
}

export interface VenuePlan {
  readonly source: string;
  readonly sidecar: Sidecar;
  readonly report: VenueReport;
}

const isPlaceholder = isPreprintVenue;

function venueName(decision: Decision): string | undefined {
  if (decision.kind === 'nothing') return undefined;
  const f = decision.venue.fields;
  return [f.journal ?? f.booktitle, f.year].filter(Boolean).join(', ');
}

export function planVenues(input: VenuePlanInput): VenuePlan {
  const { store } = input;
  if (!store.lossless) throw new Error('the store cannot be parsed losslessly; it must not be rewritten');
  const source = store.scan.source;
  const convention = detectConvention(source);
  const style = fileStyle(
    source,
    store.entries.map((e) => e.raw),
  );
  const edits: TextEdit[] = [];
  const venues: Record<string, VenueRecord> = Object.assign(Object.create(null), input.sidecar.venues);
  const published: VenueReportItem[] = [];
  const suggested: VenueReportItem[] = [];
  const nothing: VenueReportItem[] = [];
  const kept: VenueReport['kept'][number][] = [];

  for (const entry of store.entries) {
    const found = input.decisions.get(entry.key);
    if (!found) continue;
    const { decision, id } = found;
    const base = input.sidecar.venues?.[entry.key];
    const write =
      decision.kind === 'published'
        ? input.promote || input.accept.has(entry.key)
        : decision.kind === 'suggested' && input.accept.has(entry.key);
    let written: string[] = [];
    let pending: string[] = [];
    // what an earlier run wrote stays recorded (the base of the next merge), whatever this run writes
    let record: VenueRecord = base ? { ...base, id } : { id };
    if (decision.kind !== 'nothing') {
      const merged = mergeVenue(entry, decision, base, input.sidecar, source, style, convention);
      if (write) {
        edits.push(...merged.edits);
        written = merged.written;
        kept.push(...merged.kept);
        record = {
          id,
          decision: decision.kind === 'published' ? 'published' : 'accepted',
          fields: merged.fields,
          sources: decision.venue.sources,
        };
      } else pending = merged.written;
    }
    if (found.citations !== undefined) {
      const same = base?.citations?.count === found.citations;
      record = {
        ...record,
        citations:
          same && base?.citations
            ? base.citations
            : { count: found.citations, date: input.today, source: 'Semantic Scholar' },
      };
    }
    // an entry with nothing written and no count has no record
    if (record.fields || record.citations) venues[entry.key] = record;
    else delete venues[entry.key];
    const item: VenueReportItem = {
      key: entry.key,
      id,
      claims: decision.claims,
      written,
      pending,
      ...(venueName(decision) ? { venue: venueName(decision) } : {}),
      ...(decision.kind !== 'published' ? { reason: decision.reason } : {}),
    };
    (decision.kind === 'published' ? published : decision.kind === 'suggested' ? suggested : nothing).push(item);
  }
  return {
    source: rewriteStore(input.store, edits),
    sidecar: { ...input.sidecar, venues },
    report: { published, suggested, nothing, kept },
  };
}

function mergeVenue(
  entry: BibEntry,
  decision: Exclude<Decision, { kind: 'nothing' }>,
  base: VenueRecord | undefined,
  sidecar: Sidecar,
  source: string,
  fileStyleValue: ReturnType<typeof fileStyle>,
  convention: ReturnType<typeof detectConvention>,
): { edits: TextEdit[]; written: string[]; kept: VenueReport['kept'][number][]; fields: Record<string, string> } {
  const raw = entry.raw;
  const style = entryStyle(source, raw, fileStyleValue);
  const edits: TextEdit[] = [];
  const written: string[] = [];
  const kept: VenueReport['kept'][number][] = [];
  const added: [string, FieldValue][] = [];
  const arxivBase = (() => {
    const arxiv = arxivIdOfFields(entry.fields)?.id;
    return arxiv ? sidecar.entries[arxiv]?.fields : undefined;
  })();
  const { venue } = decision;
  const preprintType = writtenAsPreprint(entry.type, entry.fields);
  if (preprintType && entry.type !== venue.type) {
    edits.push(setEntryType(raw, source, venue.type));
    written.push('(entry type)');
  }
  const fields: Record<string, string> = {};
  for (const [name, plain] of Object.entries(venue.fields)) {
    const value: FieldValue = {
      text: name === 'doi' || name === 'pages' ? fieldText(plain) : bibtexText(plain, convention),
    };
    fields[name] = value.text;
    const ours = entry.fields.get(name);
    const target = raw.fields.find((f) => f.name === name);
    const merge = mergeField({
      ours: target ? ours : undefined,
      theirs: value.text,
      base: base?.fields?.[name],
      same: (a, b) => sameValue(name, a, b),
      // an arXiv placeholder venue, and the year arXiv gave (the preprint's), are not the owner's
      replaceable: (current) =>
        ((name === 'journal' || name === 'booktitle') && isPlaceholder(current)) ||
        (name === 'year' && arxivBase?.year !== undefined && sameValue('year', current, arxivBase.year)),
    });
    switch (merge.kind) {
      case 'add':
        added.push([name, value]);
        written.push(name);
        break;
      case 'update':
        if (target) {
          edits.push(replaceValue(raw, target, value, style));
          written.push(name);
        }
        break;
      case 'kept-edit':
        kept.push({ key: entry.key, field: name, ours: ours ?? '', theirs: value.text });
        break;
      case 'same':
      case 'deleted-by-owner':
        // the owner deleted what an earlier venue sync wrote: respected, as sync-arxiv does
        break;
    }
  }
  // an arXiv placeholder in the field the venue does not use ("howpublished = {arXiv preprint ...}") goes
  for (const name of ['howpublished', venue.type === 'article' ? 'booktitle' : 'journal']) {
    const target = raw.fields.find((f) => f.name === name);
    if (target && isPlaceholder(entry.fields.get(name)) && preprintType) {
      edits.push(removeField(source, raw, target));
      written.push(`${name} (removed)`);
    }
  }
  const append = appendFields(source, raw, added, fileStyleValue);
  if (append) edits.push(append);
  return { edits, written, kept, fields };
}
