/**
 * What a publications page and the site-generator data show of an entry beyond its formatted citation: its links,
 * its abstract, the BibTeX to copy (as export-bib writes it), whether it is selected, and al-folio's venue badge
 * (`abbr`) and award (`award`). Pure.
 */
import type { CslItem } from '../csl/types.js';
import { exportBib, type ExportTarget } from '../export/export.js';
import type { BibEntry } from '../model/entry.js';
import type { OwnerMatcher } from '../model/names.js';
import { plainFieldText } from '../csl/plain-text.js';
import { stripHtml } from '../conventions/html-markup.js';
import { entryLinks, linkFieldsOf, resolveLink, type EntryLink } from './links.js';
import { scholarlyMeta, type ScholarlyMeta } from './scholarly.js';

export interface EntryExtras {
  readonly key: string;
  readonly links: readonly EntryLink[];
  readonly abstract?: string;
  /** The entry as export-bib writes it (empty when export-bib refuses it). */
  readonly bibtex: string;
  readonly selected: boolean;
  /** Semantic Scholar's citation count, as sync-venues recorded it. */
  readonly citations?: Citations;
  /** al-folio's `abbr`: the venue's short name, shown as a badge. */
  readonly badge?: string;
  /** al-folio's `award`: a prize the paper received. */
  readonly award?: string;
  /** al-folio's `preview`: an image of the paper, as an address (resolved against `previewBase`). */
  readonly preview?: string;
  /** What search engines and reference managers read of the paper (Highwire, JSON-LD, COinS). */
  readonly meta?: ScholarlyMeta;
}

export interface Citations {
  readonly count: number;
  readonly date: string;
  readonly source: string;
}

export interface ExtrasOptions {
  readonly target: ExportTarget;
  readonly owner?: OwnerMatcher;
  readonly linkFields?: Readonly<Record<string, string>>;
  /** Where a link value without a scheme points (see page/links.ts). */
  readonly linkBase?: string;
  /** Where a `preview` image without a scheme is (al-folio: `/assets/img/publication_preview/`). */
  readonly previewBase?: string;
  /** By key, from the sidecar. */
  readonly citations?: ReadonlyMap<string, Citations>;
}

export function entryExtras(
  entries: readonly BibEntry[],
  items: readonly CslItem[],
  options: ExtrasOptions,
): Map<string, EntryExtras> {
  const byIndex = new Map(entries.map((e) => [e.index, e]));
  const fields = linkFieldsOf(options.linkFields);
  // one export of every entry, split by key: the same text export-bib writes
  const exported = exportBib(entries, items, {
    target: options.target,
    selectedOnly: false,
    file: '',
    ...(options.owner ? { owner: options.owner } : {}),
  });
  const blocks = new Map<string, string>();
  for (const block of exported.text.split(/\n(?=@)/)) {
    const key = /^@\w+\{([^,]+),/.exec(block)?.[1];
    if (key && !blocks.has(key)) blocks.set(key, block.trimEnd() + '\n');
  }
  const out = new Map<string, EntryExtras>();
  for (const item of items) {
    const entry = byIndex.get(item.custom.index);
    if (!entry || out.has(item.custom.key)) continue;
    // the abstract is not rendered by the styles (see FIELDS_NOT_RENDERED): read from the store, LaTeX as text
    const raw = entry.fields.get('abstract')?.trim();
    const abstract = raw ? plainField(raw) : undefined;
    const badge = entry.fields.get('abbr')?.trim() ? plainField(entry.fields.get('abbr') as string) : undefined;
    const award = entry.fields.get('award')?.trim() ? plainField(entry.fields.get('award') as string) : undefined;
    const links = entryLinks(entry, item, fields, options.linkBase);
    const previewField = entry.fields.get('preview')?.trim();
    const preview = previewField ? resolveLink(previewField, options.previewBase) : undefined;
    const pdf = links.find((l) => l.label === 'PDF')?.url;
    out.set(item.custom.key, {
      key: item.custom.key,
      links,
      meta: scholarlyMeta(item, { ...(pdf ? { pdf } : {}), ...(abstract ? { abstract } : {}) }),
      bibtex: blocks.get(item.custom.key) ?? '',
      selected: item.custom.selected,
      ...(abstract ? { abstract } : {}),
      ...(badge ? { badge } : {}),
      ...(award ? { award } : {}),
      ...(preview ? { preview } : {}),
      ...(options.citations?.get(item.custom.key) ? { citations: options.citations.get(item.custom.key) } : {}),
    });
  }
  return out;
}

/** A field shown as plain text on a page: LaTeX read, HTML and braces removed, white space folded. */
function plainField(value: string): string {
  return plainFieldText(stripHtml(value));
}
