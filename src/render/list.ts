/**
 * Publication lists: CSL items -> filtered, sorted, grouped, rendered by citeproc-js, names resolved, formatted.
 * Pure apart from the cached citeproc-js engine.
 */
import { engineFor, type RenderOutcome } from '../csl/engine.js';
import type { StyleSource } from '../csl/registry.js';
import type { CslItem } from '../csl/types.js';
import { arxivAbsUrl } from '../model/arxiv-id.js';
import type { OwnerMatcher } from '../model/names.js';
import type { Problem } from '../model/problems.js';
import { decorateAuthors, PLAIN_AUTHORS, type DecoratedAuthors } from '../csl/authors.js';
import { mayPrintCitationLabel } from '../csl/style-traits.js';
import { resolveNames } from '../csl/resolve-names.js';
import { assembleList, entryPagesOf, type AnnotationStyle, type PageOptions, type ResolvedEntry } from './document.js';
import { groupItems, type Group, type GroupBy } from './group.js';
import { IR, printsSomething } from '../csl/ir.js';
import { sortNewestFirst, type Arrangeable } from './sort.js';
import { DATA_FORMATS } from './formats.js';
import { dataOutput } from './data-output.js';
import type { PageHeader } from '../page/header.js';
import type { CoauthorLinks, Member } from '../model/people.js';

import type { OutputFormat } from './formats.js';
import { lookupTable } from '../model/lookup-table.js';

export { OUTPUT_FORMATS, type OutputFormat } from './formats.js';
export { assembleList, type ResolvedEntry } from './document.js';

export type { AnnotationStyle } from './document.js';

export interface ListOptions {
  readonly format: OutputFormat;
  readonly style: StyleSource;
  readonly locale: string;
  readonly owner?: OwnerMatcher;
  readonly boldOwner: boolean;
  readonly maxAuthors: number;
  readonly groupBy: GroupBy;
  readonly selectedOnly: boolean;
  /** Only the owner's papers (`--person NAME`: one member's own list). */
  readonly ownerOnly?: boolean;
  /** The lab's members, set apart besides the owner (config `people`). */
  readonly members?: readonly Member[];
  /** Co-authors whose names link to their pages (config `coauthors`). */
  readonly coauthors?: CoauthorLinks;
  readonly linkTitles: boolean;
  readonly annotations: Readonly<Record<string, AnnotationStyle>>;
  readonly standalone: boolean;
  readonly title?: string;
  /** What a publications page asks for (HTML, standalone); the session adds the entries' extras as `page`. */
  readonly pageSpec?: PageSpec;
  readonly page?: PageOptions;
}

export interface PageSpec {
  readonly selectedFirst: boolean;
  readonly css?: string;
  readonly linkFields?: Readonly<Record<string, string>>;
  readonly linkBase?: string;
  /** The target of the BibTeX shown per entry (export-bib's). */
  readonly bibtexTarget: 'bibtex' | 'biblatex';
  /** The page's header: the researcher's name, affiliation, photo, profile links. */
  readonly header?: PageHeader;
  /** One page per paper, beside the list page (its file name: `listFile`). */
  readonly perEntry?: { readonly listFile: string };
  readonly search?: boolean;
  readonly chart?: boolean;
  readonly previewBase?: string;
}

/** Marks the second and later items of a key used twice, for citeproc-js (see prepareList). */
const DUPLICATE_ID = '\u0000dup';

/** The URL a title links to: the entry's URL, else its DOI, else its arXiv page. */
export function titleLink(item: CslItem): string | undefined {
  const url = item.URL;
  if (url && !(item.custom.arxiv && url === arxivAbsUrl(item.custom.arxiv))) return url;
  if (item.DOI) return `https://doi.org/${item.DOI}`;
  return item.custom.arxiv ? arxivAbsUrl(item.custom.arxiv) : url;
}

function withTitleLink(item: CslItem): CslItem {
  if (!item.title || !titleLink(item)) return item;
  return { ...item, title: IR.TITLE_LINK_OPEN + item.title + IR.TITLE_LINK_CLOSE };
}

const TITLE_LINK = new RegExp(`${IR.TITLE_LINK_OPEN}([\\s\\S]*?)${IR.TITLE_LINK_CLOSE}`);

export interface RenderedList {
  readonly output: string;
  /** Entries printed in the output (an entry the style prints as nothing is not counted, and is warned about). */
  readonly count: number;
  /** Entries that citeproc-js could not render (they are left out of the list). */
  readonly problems: readonly Problem[];
  /** A publications page's per-entry pages: path relative to the page's folder -> HTML (`page.perEntry`). */
  readonly pages?: ReadonlyMap<string, string>;
}

/** A list ready for citeproc-js: filtered, sorted, grouped, names decorated, lean items to render. */
export interface PreparedList {
  readonly options: ListOptions;
  readonly groups: readonly Group[];
  readonly ordered: readonly CslItem[];
  readonly decorated: readonly DecoratedAuthors[];
  /** What citeproc-js renders, in order: CSL fields only (bibfolio's `custom` data left out). */
  readonly citeprocItems: ReadonlyArray<{ readonly id: string }>;
}

/**
 * The list's entries in their order, one rule for both render paths (this module's and the session's records): a
 * member's own papers (`owned`, with --person), the selected ones (--selected), newest first, in their groups.
 */
export function arrangeList<T extends Arrangeable>(
  items: readonly T[],
  options: ListOptions,
  owned: (item: T) => boolean,
): readonly Group<T>[] {
  const mine = options.ownerOnly ? items.filter(owned) : items;
  const chosen = options.selectedOnly ? mine.filter((i) => i.custom.selected) : mine;
  return groupItems(sortNewestFirst(chosen), options.groupBy, options.locale);
}

export function prepareList(items: readonly CslItem[], options: ListOptions): PreparedList {
  const { owner } = options;
  const groups = arrangeList(items, options, (i) => owner === undefined || owner.indexIn(i.author ?? []) >= 0);
  const symbols = lookupTable(
    Object.fromEntries(Object.entries(options.annotations).map(([name, a]) => [name, a.symbol])),
  );
  const authorOptions = {
    ...(options.owner ? { owner: options.owner } : {}),
    bold: options.boldOwner,
    maxAuthors: options.maxAuthors,
    symbols,
    ...(options.members ? { members: options.members } : {}),
    ...(options.coauthors ? { coauthors: options.coauthors } : {}),
  };
  const ordered = groups.flatMap((g) => g.items);
  const decorated = ordered.map((item) => decorateAuthors(item, authorOptions));
  // citeproc-js knows items by ID: a key used twice (an error `check` reports) still renders each entry's own text
  const seen = new Map<string, number>();
  const labels = mayPrintCitationLabel(options.style.xml);
  const citeprocItems = decorated.map((d) => {
    const item = (options.linkTitles ? withTitleLink(d.item) : d.item) as CslItem & { [PLAIN_AUTHORS]?: unknown };
    const { custom: _custom, [PLAIN_AUTHORS]: plain, ...rest } = item;
    const csl = labels && plain !== undefined ? { ...rest, [PLAIN_AUTHORS]: plain } : rest;
    const n = seen.get(csl.id) ?? 0;
    seen.set(csl.id, n + 1);
    return n === 0 ? csl : { ...csl, id: `${csl.id}${DUPLICATE_ID}${n}` };
  });
  return { options, groups, ordered, decorated, citeprocItems };
}

/** The whole list in one citeproc-js run, on this thread. */
export function renderList(items: readonly CslItem[], options: ListOptions): RenderedList {
  const prepared = prepareList(items, options);
  return finishList(prepared, engineFor(options.style, options.locale).render(prepared.citeprocItems));
}

/** From citeproc-js's IR to final entries: names bolded and marked, titles linked. Failed entries have IR ''. */
export function resolveEntries(
  prepared: PreparedList,
  outcome: RenderOutcome,
): { entries: ResolvedEntry[]; problems: Problem[] } {
  const { options, ordered, decorated } = prepared;
  const layout = engineFor(options.style, options.locale).nameLayout();
  const problems: Problem[] = outcome.failures.map((failure) => {
    const f = { ...failure, id: failure.id.split(DUPLICATE_ID)[0] as string };
    const item = ordered.find((i) => i.id === f.id);
    return {
      severity: 'error',
      code: 'render-failed',
      message: `citeproc-js could not render this entry (${f.message}); it is left out of the list`,
      ...(item ? { line: item.custom.line } : {}),
      key: f.id,
    };
  });
  const failed = new Set(outcome.failures.map((f) => f.id.split(DUPLICATE_ID)[0]));
  outcome.entries.forEach((ir, i) => {
    const item = ordered[i] as CslItem;
    if (!printsSomething(ir) && !failed.has(item.id))
      problems.push(printedNothing(item.id, item.custom.line, item.custom.bibType));
  });
  const entries = outcome.entries.map((ir, i) => {
    const d = decorated[i] as DecoratedAuthors;
    const resolved = ir === '' ? '' : resolveNames(ir, d.persons, layout);
    const url = titleLink(ordered[i] as CslItem);
    return {
      ir: resolved.replace(TITLE_LINK, (_m, title: string) =>
        url ? IR.LINK_OPEN + url + IR.LINK_TEXT + title + IR.LINK_CLOSE : title,
      ),
      annotations: d.usedAnnotations,
    };
  });
  return { entries, problems };
}

/** The warning for an entry that the style prints as nothing (some styles have no layout for some types). */
export function printedNothing(key: string, line: number | undefined, bibType: string): Problem {
  return {
    severity: 'warning',
    code: 'printed-nothing',
    message: `the style prints nothing for this @${bibType} entry, so it is left out of the list; choose a style that covers this type, or change the entry's type`,
    ...(line !== undefined ? { line } : {}),
    key,
  };
}

/** A warning when the owner is set but set apart in no entry (a name that matches nobody, `--owner Benton`). */
export function ownerWarnings(entries: readonly ResolvedEntry[], options: ListOptions): Problem[] {
  if (!options.owner || !options.boldOwner || entries.length === 0) return [];
  if (entries.some((e) => e.ir.includes(IR.OWNER_OPEN) || e.ir.includes(IR.OWNER_UNDERLINE_OPEN))) return [];
  const names = options.owner.forms.map((f) => [f.given, f.family].filter(Boolean).join(' ')).join('", "');
  return [
    {
      severity: 'warning',
      code: 'owner-not-found',
      message: `the owner ("${names}") is an author of no entry, so nobody is set apart; give the whole name as the entries write it, e.g. "Joe Benton"`,
    },
  ];
}

/** Entries with visible text: what the list really prints. */
export function printedCount(entries: readonly ResolvedEntry[]): number {
  return entries.filter((e) => printsSomething(e.ir)).length;
}

/** From the rendered IR of every prepared item to the document in the chosen format. */
export function finishList(prepared: PreparedList, outcome: RenderOutcome): RenderedList {
  const { options } = prepared;
  const { entries, problems } = resolveEntries(prepared, outcome);
  if (DATA_FORMATS.has(options.format)) {
    return { output: dataOutput(prepared, entries), count: prepared.ordered.length, problems };
  }
  return documentOf(prepared.groups, entries, options, problems);
}

/**
 * The document of a rendered list, whichever path rendered its entries (this module's, or the session's records):
 * the output, its per-entry pages, the printed count, and the problems with the owner's warnings.
 */
export function documentOf(
  groups: readonly Group<Arrangeable>[],
  entries: readonly ResolvedEntry[],
  options: ListOptions,
  problems: readonly Problem[],
): RenderedList {
  const pages = entryPagesOf(groups, entries, options);
  return {
    output: assembleList(groups, entries, options),
    count: printedCount(entries),
    problems: [...problems, ...ownerWarnings(entries, options)],
    ...(pages.size > 0 ? { pages } : {}),
  };
}
