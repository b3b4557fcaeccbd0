/**
 * One page per paper (`publications/KEY/index.html`, config `page.perEntry`): the formatted citation, its links,
 * abstract and BibTeX, and in its head the Highwire Press tags Google Scholar's inclusion guidelines ask for and the
 * schema.org JSON-LD (page/scholarly.ts), with a link back to the list. Pure.
 */
import { escapeHtml, pageStart } from '../render/html.js';
import type { EntryExtras } from './extras.js';
import { highwireTags, jsonLd } from './scholarly.js';
import { PAGE_CSS } from './page-style.js';
import { pageStrings, textDirection } from './strings.js';

/** A key as a folder name: letters, digits, `.`, `_` and `-` (others become `-`), unique in the list. */
export function entryFolders(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    if (out.has(key)) continue;
    const base = key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'entry';
    let folder = base;
    for (let n = 2; used.has(folder.toLowerCase()); n++) folder = `${base}-${n}`;
    used.add(folder.toLowerCase());
    out.set(key, folder);
  }
  return out;
}

export interface EntryPageInput {
  readonly key: string;
  /** The formatted citation, as HTML. */
  readonly html: string;
  readonly extras: EntryExtras | undefined;
  readonly lang: string;
  readonly dir?: 'rtl' | 'ltr';
  /** The list page, relative to this page (`../../publications.html`). */
  readonly listHref: string;
  readonly listTitle: string;
}

export function entryPage(input: EntryPageInput): string {
  const { extras } = input;
  const words = pageStrings(input.lang);
  const title = extras?.meta?.title || input.key;
  const links = (extras?.links ?? [])
    .map((l) => `<a class="bibfolio-button" href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`)
    .join('');
  return [
    ...pageStart(input.lang, title, textDirection(input.lang)),
    ...(extras?.meta ? [highwireTags(extras.meta), jsonLd(extras.meta)] : []),
    '<meta name="generator" content="bibfolio">',
    '<link rel="icon" href="data:,">',
    `<style>\n${PAGE_CSS}\n</style>`,
    '</head>',
    '<body>',
    '<div class="bibfolio-page">',
    `<nav class="bibfolio-back"><a href="${escapeHtml(input.listHref)}#${escapeHtml(encodeURIComponent(input.key))}">← ${escapeHtml(input.listTitle)}</a></nav>`,
    '<main class="bibfolio">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="bibfolio-citation">${input.html}</p>`,
    links ? `<div class="bibfolio-tools">${links}</div>` : '',
    extras?.abstract
      ? `<section><h2>${escapeHtml(words.abstract)}</h2><p>${escapeHtml(extras.abstract)}</p></section>`
      : '',
    extras?.bibtex
      ? `<section><h2>BibTeX</h2><div class="bibfolio-panel"><pre><code>${escapeHtml(extras.bibtex)}</code></pre></div></section>`
      : '',
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
