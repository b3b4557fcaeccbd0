/**
 * Data for site generators (`--to json`, `--to yaml`): per entry, the CSL-JSON item as before, and under `bibfolio`
 * everything a Jekyll include or a Hugo partial prints with no logic of its own: the entry rendered as HTML,
 * Markdown and text, its group heading, links, the owner's position, the marks (positions as numbers), the abstract,
 * the BibTeX, whether it is selected, and al-folio's badge (`abbr`) and award.
 */
import { parseMarkAnnotation } from '../conventions/name-marks.js';
import type { CslItem } from '../csl/types.js';
import { irToFormat } from '../render/formatter.js';
import { html } from '../render/html.js';
import { markdown, markdownInline } from '../render/markdown.js';
import { text } from '../render/text.js';
import type { EntryExtras } from './extras.js';
import type { ScholarlyMeta } from './scholarly.js';
import type { EntryLink } from './links.js';

export interface EntryData {
  readonly key: string;
  readonly group: string | null;
  readonly html: string;
  readonly markdown: string;
  readonly text: string;
  readonly year: number | null;
  readonly kind: string;
  readonly selected: boolean;
  readonly links: readonly EntryLink[];
  /** 1-based position of the owner among the authors, or null. */
  readonly owner_position: number | null;
  /** Annotations by author position (1-based), with the symbols printed. */
  readonly marks: ReadonlyArray<{
    readonly position: number;
    readonly names: readonly string[];
    readonly symbols: readonly string[];
  }>;
  readonly abstract: string | null;
  /** al-folio's `abbr` (the venue badge) and `award`, or null. */
  readonly badge: string | null;
  readonly award: string | null;
  /** al-folio's `preview` image, as an address, or null. */
  readonly preview: string | null;
  /** What a per-entry page's Highwire tags and JSON-LD say (page/scholarly.ts), for a site's own templates. */
  readonly scholarly: ScholarlyMeta | null;
  readonly bibtex: string | null;
  /** Semantic Scholar's count as sync-venues recorded it (`count`, `date`, `source`), or null. */
  readonly citations: { readonly count: number; readonly date: string; readonly source: string } | null;
}

export function entryData(
  item: CslItem,
  ir: string,
  heading: string | undefined,
  ownerIndex: number,
  symbols: Readonly<Record<string, string>>,
  extras: EntryExtras | undefined,
): EntryData {
  const year = Number(item.issued?.['date-parts']?.[0]?.[0]);
  return {
    key: item.custom.key,
    group: heading ?? null,
    html: irToFormat(ir, html),
    markdown: markdownInline(irToFormat(ir, markdown)),
    text: irToFormat(ir, text),
    year: Number.isFinite(year) ? year : null,
    kind: item.custom.kind,
    selected: item.custom.selected,
    links: extras?.links ?? [],
    owner_position: ownerIndex >= 0 ? ownerIndex + 1 : null,
    marks: Object.entries(item.custom.authorAnnotations)
      .map(([position, names]) => ({
        position: Number(position),
        names: [...names],
        symbols: names
          .map((n) => symbols[n] ?? parseMarkAnnotation(n)?.symbol)
          .filter((s): s is string => s !== undefined),
      }))
      .sort((a, b) => a.position - b.position),
    abstract: extras?.abstract ?? null,
    badge: extras?.badge ?? null,
    award: extras?.award ?? null,
    preview: extras?.preview ?? null,
    scholarly: extras?.meta ?? null,
    bibtex: extras?.bibtex || null,
    citations: extras?.citations ?? null,
  };
}
