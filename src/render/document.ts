/** The document around the entries: sections under headings and the legend, in one output format. Light: no citeproc-js. */
import { parseMarkAnnotation } from '../conventions/name-marks.js';
import type { OutputFormat } from './formats.js';
import { irToFormat, type Formatter, type ListSection } from './formatter.js';
import type { Group } from './group.js';
import type { Arrangeable } from './sort.js';
import { printsSomething } from '../csl/ir.js';
import { html } from './html.js';
import { latex } from './latex.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { EntryExtras } from '../page/extras.js';
import { publicationsPage, type PageSection } from '../page/page.js';
import { entryFolders, entryPage } from '../page/entry-page.js';
import type { PageHeader } from '../page/header.js';
import { pageStrings } from '../page/strings.js';
import { countYears, yearChart } from '../page/page-tools.js';
import { yearOf } from './sort.js';

const FORMATTERS: Readonly<Record<Exclude<OutputFormat, 'json' | 'yaml' | 'svg'>, Formatter>> = {
  markdown,
  html,
  latex,
  text,
};

/** How an annotation is printed: the symbol after the name, and its legend line. */
export interface AnnotationStyle {
  readonly symbol: string;
  readonly legend: string;
}

/** An entry as it goes into the document: its final IR and the annotation marks it prints. */
export interface ResolvedEntry {
  readonly ir: string;
  readonly annotations: readonly string[];
}

/** What the document needs of the list options. */
export interface DocumentOptions {
  readonly format: OutputFormat;
  readonly annotations: Readonly<Record<string, AnnotationStyle>>;
  readonly standalone: boolean;
  readonly locale: string;
  readonly title?: string;
  /** A publications page (HTML, standalone): the entries' links, abstracts and BibTeX, by key. */
  readonly page?: PageOptions;
}

export interface PageOptions {
  readonly extras: ReadonlyMap<string, EntryExtras>;
  readonly header?: PageHeader;
  /** One page per paper beside the list page (`listFile`), each in `publications/FOLDER/index.html`. */
  readonly perEntry?: { readonly listFile: string };
  readonly search?: boolean;
  readonly chart?: boolean;
  readonly selectedFirst: boolean;
  /** A stylesheet to link instead of the inline one. */
  readonly css?: string;
}

/** The document: sections under their headings, the legend of the marks used, in the chosen format. */
export function assembleList(
  groups: readonly Group<Arrangeable>[],
  entries: readonly ResolvedEntry[],
  options: DocumentOptions,
): string {
  const used = new Set(entries.flatMap((e) => (e.ir === '' ? [] : e.annotations)));
  let next = 0;
  const sections: ListSection[] = groups.map((g) => {
    const slice = entries
      .slice(next, next + g.items.length)
      .map((e) => e.ir)
      .filter((e) => printsSomething(e));
    next += g.items.length;
    return { ...(g.heading !== undefined ? { heading: g.heading } : {}), entries: slice };
  });
  const legend = legendOf(used, options.annotations);
  // `--to svg`: the chart of publications per year, for a CV
  if (options.format === 'svg') {
    const years: (number | undefined)[] = [];
    let at = 0;
    for (const g of groups)
      for (const item of g.items) if (printsSomething(entries[at++]?.ir ?? '')) years.push(yearOf(item));
    return yearChart(countYears(years), pageStrings(options.locale), true);
  }
  const formatter = FORMATTERS[options.format as Exclude<OutputFormat, 'json' | 'yaml' | 'svg'>];
  if (options.page && options.format === 'html' && options.standalone) {
    return publicationsPage({
      title: options.title ?? pageStrings(options.locale).title,
      lang: options.locale,
      legend,
      extras: options.page.extras,
      selectedFirst: options.page.selectedFirst,
      ...(options.page.css ? { css: options.page.css } : {}),
      ...(options.page.header ? { header: options.page.header } : {}),
      ...(options.page.search ? { search: true } : {}),
      ...(options.page.chart ? { chart: true } : {}),
      ...(options.page.perEntry ? { entryFolders: folders(groups) } : {}),
      sections: pageSections(groups, entries, (ir) => irToFormat(ir, formatter)),
    });
  }
  return formatter.document(
    {
      sections,
      legend,
      standalone: options.standalone,
      lang: options.locale,
      title: options.title ?? pageStrings(options.locale).title,
    },
    (ir) => irToFormat(ir, formatter),
  );
}

/**
 * The legend lines of the annotations used: the configured ones in their order, then the marks written in names
 * (`mark:†:Equal advising`), one line per symbol and legend.
 */
export function legendOf(
  used: ReadonlySet<string>,
  annotations: Readonly<Record<string, AnnotationStyle>>,
): ReadonlyArray<readonly [string, string]> {
  const lines: (readonly [string, string])[] = Object.entries(annotations)
    .filter(([name]) => used.has(name))
    .map(([, a]) => [a.symbol, a.legend] as const);
  for (const name of [...used].sort()) {
    const mark = annotations[name] === undefined ? parseMarkAnnotation(name) : undefined;
    if (mark?.legend && !lines.some(([s, l]) => s === mark.symbol && l === mark.legend))
      lines.push([mark.symbol, mark.legend]);
  }
  return lines;
}

/** The sections of a page: each printed entry's key (a second copy's key without its suffix) and its HTML. */
function pageSections(
  groups: readonly Group<Arrangeable>[],
  entries: readonly ResolvedEntry[],
  format: (ir: string) => string,
): PageSection[] {
  let next = 0;
  return groups.map((g) => {
    const list = g.items.flatMap((item, i) => {
      const entry = entries[next + i];
      if (!entry || !printsSomething(entry.ir)) return [];
      return [{ key: String(item.id).split('\u0000')[0] as string, html: format(entry.ir) }];
    });
    next += g.items.length;
    return { ...(g.heading !== undefined ? { heading: g.heading } : {}), entries: list };
  });
}

/** Each listed key's folder under `publications/`. */
function folders(groups: readonly Group<Arrangeable>[]): Map<string, string> {
  return entryFolders(groups.flatMap((g) => g.items.map((item) => String(item.id).split('\u0000')[0] as string)));
}

/**
 * The per-entry pages of a publications page (`page.perEntry`): path (relative to the list page's folder) -> HTML.
 * Empty for any other document.
 */
export function entryPagesOf(
  groups: readonly Group<Arrangeable>[],
  entries: readonly ResolvedEntry[],
  options: DocumentOptions,
): Map<string, string> {
  const pages = new Map<string, string>();
  const page = options.page;
  if (!page?.perEntry || options.format !== 'html' || !options.standalone) return pages;
  const byFolder = folders(groups);
  for (const section of pageSections(groups, entries, (ir) => irToFormat(ir, html))) {
    for (const entry of section.entries) {
      const folder = byFolder.get(entry.key);
      if (!folder || pages.has(`publications/${folder}/index.html`)) continue;
      pages.set(
        `publications/${folder}/index.html`,
        entryPage({
          key: entry.key,
          html: entry.html,
          extras: page.extras.get(entry.key),
          lang: options.locale,
          listHref: `../../${encodeURIComponent(page.perEntry.listFile)}`,
          listTitle: options.title ?? pageStrings(options.locale).title,
        }),
      );
    }
  }
  return pages;
}
