/**
 * The publications page a researcher puts online: one self-contained HTML file (inline style and script, no request to
 * any other host; or the site's own stylesheet with `css`). Per entry: the formatted citation, labelled link buttons,
 * an abstract and a BibTeX toggle built on <details> (they work without JavaScript), a copy button as progressive
 * enhancement, and a stable anchor (`id` = citation key). A "Selected publications" section first when asked (those
 * papers stay in their year or type too), then the sections with their counts, each with an anchor; a table of
 * contents; light and dark themes; print styles.
 */
import { escapeHtml, legendHtml, pageStart } from '../render/html.js';
import type { EntryExtras } from './extras.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page-style.js';
import { headerHtml, type PageHeader } from './header.js';
import { coinsSpan } from './scholarly.js';
import { countYears, searchBox, SEARCH_SCRIPT, yearChart } from './page-tools.js';
import { pageStrings, textDirection, type PageStrings } from './strings.js';

export interface PageEntry {
  readonly key: string;
  /** The formatted citation, as HTML. */
  readonly html: string;
}

export interface PageSection {
  readonly heading?: string;
  readonly entries: readonly PageEntry[];
}

export interface PageDocument {
  readonly title: string;
  readonly lang: string;
  readonly sections: readonly PageSection[];
  readonly legend: ReadonlyArray<readonly [string, string]>;
  readonly extras: ReadonlyMap<string, EntryExtras>;
  readonly selectedFirst: boolean;
  /** A stylesheet to link instead of the inline one. */
  readonly css?: string;
  /** The researcher's name, affiliation, photo and profile links (config `page`). */
  readonly header?: PageHeader;
  /** A search box over the entries (config `page.search`). */
  readonly search?: boolean;
  /** A chart of publications per year (config `page.chart`). */
  readonly chart?: boolean;
  /** With per-entry pages: each key's folder under `publications/`, linked from its entry. */
  readonly entryFolders?: ReadonlyMap<string, string>;
}

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return /^\d/.test(s) ? `year-${s}` : s || 'section';
}

function entryHtml(
  entry: PageEntry,
  extras: EntryExtras | undefined,
  id: string,
  words: PageStrings,
  folder?: string,
): string {
  const tools: string[] = [];
  const badge = extras?.badge ? `<span class="bibfolio-badge">${escapeHtml(extras.badge)}</span> ` : '';
  const award = extras?.award
    ? `\n    <div class="bibfolio-award"><span aria-hidden="true">🏆</span> ${escapeHtml(extras.award)}</div>`
    : '';
  for (const link of extras?.links ?? []) {
    tools.push(`<a class="bibfolio-button" href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`);
  }
  if (folder)
    tools.push(
      `<a class="bibfolio-button" href="publications/${escapeHtml(encodeURIComponent(folder))}/">${escapeHtml(words.details)}</a>`,
    );
  if (extras?.citations) {
    const c = extras.citations;
    tools.push(
      `<span class="bibfolio-cited">${escapeHtml(words.citedBy.replace('{n}', String(c.count)))} (${escapeHtml(c.source)}, ${escapeHtml(c.date)})</span>`,
    );
  }
  if (extras?.abstract) {
    tools.push(
      `<details class="bibfolio-abstract"><summary>${escapeHtml(words.abstract)}</summary><div class="bibfolio-panel"><p>${escapeHtml(extras.abstract)}</p></div></details>`,
    );
  }
  if (extras?.bibtex) {
    tools.push(
      `<details class="bibfolio-bibtex"><summary>BibTeX</summary><div class="bibfolio-panel"><pre><code>${escapeHtml(extras.bibtex)}</code></pre><button type="button" class="bibfolio-copy" data-copied="${escapeHtml(words.copied)}" hidden>${escapeHtml(words.copy)}</button></div></details>`,
    );
  }
  const toolbar = tools.length > 0 ? `\n    <div class="bibfolio-tools">${tools.join('')}</div>` : '';
  // COinS: an empty span reference managers (Zotero's connector) read the paper from
  const coins = extras?.meta ? coinsSpan(extras.meta) : '';
  // al-folio's preview image, beside the entry (decorative: the citation says what it is)
  const preview = extras?.preview
    ? `\n    <img class="bibfolio-preview" src="${escapeHtml(extras.preview)}" alt="" loading="lazy" width="160">`
    : '';
  return `  <li class="bibfolio-entry${preview ? ' bibfolio-with-preview' : ''}" id="${escapeHtml(id)}" data-key="${escapeHtml(entry.key)}">${preview}\n    <div class="bibfolio-citation">${badge}${entry.html}</div>${award}${toolbar}${coins}\n  </li>`;
}

export function publicationsPage(doc: PageDocument): string {
  const words = pageStrings(doc.lang);
  const sections: { heading: string; id: string; entries: PageEntry[] }[] = [];
  const all = doc.sections.flatMap((s) => s.entries);
  if (doc.selectedFirst) {
    const selected = all.filter((e) => doc.extras.get(e.key)?.selected);
    if (selected.length > 0) sections.push({ heading: words.selected, id: 'selected', entries: selected });
  }
  for (const section of doc.sections) {
    // a selected paper is shown first and in its year too: a visitor browsing by year misses nothing. Without
    // headings (no grouping) the rest of the list is the other papers.
    const entries =
      doc.selectedFirst && section.heading === undefined
        ? section.entries.filter((e) => !doc.extras.get(e.key)?.selected)
        : [...section.entries];
    if (entries.length === 0) continue;
    const heading = section.heading ?? (doc.selectedFirst && sections.length > 0 ? words.other : '');
    sections.push({ heading, id: heading ? slug(heading) : 'publications', entries });
  }
  // anchors are unique: a key used twice gets "-2" on its second copy
  const used = new Set<string>();
  const unique = (id: string): string => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  };
  for (const s of sections) s.id = unique(s.id);
  const list = 'ul';
  const body: string[] = [];
  if (doc.chart) body.push(yearChart(countYears(all.map((e) => doc.extras.get(e.key)?.meta?.date?.[0])), words));
  if (doc.search) body.push(searchBox(words));
  const titled = sections.filter((s) => s.heading !== '');
  if (titled.length > 1) {
    body.push(
      `<nav class="bibfolio-toc" aria-label="${escapeHtml(words.sections)}"><ul>` +
        titled.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`).join('') +
        '</ul></nav>',
    );
  }
  for (const s of sections) {
    const heading = s.heading
      ? `<h2 id="${escapeHtml(s.id)}">${escapeHtml(s.heading)} <span class="bibfolio-count">(${s.entries.length})</span></h2>\n`
      : '';
    body.push(
      `<section class="bibfolio-section"${s.heading ? ` aria-labelledby="${escapeHtml(s.id)}"` : ` id="${escapeHtml(s.id)}"`}>\n${heading}<${list} class="bibfolio-list">\n` +
        s.entries
          .map((e) => entryHtml(e, doc.extras.get(e.key), unique(e.key), words, doc.entryFolders?.get(e.key)))
          .join('\n') +
        `\n</${list}>\n</section>`,
    );
  }
  body.push(...legendHtml(doc.legend));
  const style = doc.css ? `<link rel="stylesheet" href="${escapeHtml(doc.css)}">` : `<style>\n${PAGE_CSS}\n</style>`;
  return [
    ...pageStart(doc.lang, doc.title, textDirection(doc.lang)),
    '<meta name="generator" content="bibfolio">',
    // no favicon request: the page asks nothing of any host, its own included
    '<link rel="icon" href="data:,">',
    style,
    '</head>',
    '<body>',
    '<div class="bibfolio-page">',
    headerHtml(doc.header, doc.title, words),
    '<main class="bibfolio">',
    body.join('\n'),
    '</main>',
    `<footer>${escapeHtml(words.count.replace('{n}', String(all.length)))} · ${escapeHtml(words.madeWith)}</footer>`,
    '</div>',
    `<script>\n${PAGE_SCRIPT}${doc.search ? `\n${SEARCH_SCRIPT}` : ''}\n</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
