/**
 * What search engines and reference managers read of a paper on a page, from its CSL item: Highwire Press tags as
 * Google Scholar's inclusion guidelines ask (`citation_title`, one `citation_author` per person in order,
 * `citation_publication_date`, the journal or conference, volume, issue, pages, DOI, PDF, arXiv ID), schema.org
 * `ScholarlyArticle` JSON-LD, and a COinS span (OpenURL ContextObject) for the list page. Every value is text: it is
 * escaped for the attribute or the script it goes in, and never becomes markup. Pure.
 */
import { plain } from '../csl/ir.js';
import type { CslItem } from '../csl/types.js';
import { stripHtml } from '../conventions/html-markup.js';
import { escapeHtml } from '../render/html.js';

export interface ScholarlyMeta {
  readonly title: string;
  /** "Given Family", in order. */
  readonly authors: readonly string[];
  /** Year, then month and day where known. */
  readonly date?: readonly number[];
  readonly journal?: string;
  readonly conference?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly firstPage?: string;
  readonly lastPage?: string;
  readonly doi?: string;
  readonly arxiv?: string;
  readonly pdf?: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly abstract?: string;
  /** A journal article, a conference paper, or another work. */
  readonly genre: 'article' | 'proceeding' | 'preprint' | 'other';
}

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const out = plain(stripHtml(String(value)))
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return out || undefined;
};

function personName(p: NonNullable<CslItem['author']>[number]): string {
  const parts = [p.given, p['dropping-particle'], p['non-dropping-particle'], p.family, p.suffix].map(text);
  return parts.filter(Boolean).join(' ') || (text(p.literal) ?? '');
}

/** The paper's metadata; `pdf` from the page's PDF button, `abstract` as the page shows it. */
export function scholarlyMeta(
  item: CslItem,
  extra: { readonly pdf?: string; readonly abstract?: string } = {},
): ScholarlyMeta {
  const date = item.issued?.['date-parts']?.[0]?.map(Number).filter((n) => Number.isFinite(n));
  const pages = text(item.page)?.split(/\s*[-–—]+\s*/);
  const container = text(item['container-title']);
  const kind = item.custom.kind;
  const genre =
    kind === 'journal'
      ? 'article'
      : kind === 'conference' || kind === 'workshop'
        ? 'proceeding'
        : kind === 'preprint'
          ? 'preprint'
          : 'other';
  const optional = (name: keyof ScholarlyMeta, value: string | undefined) => (value ? { [name]: value } : {});
  return {
    title: text(item.title) ?? '',
    authors: (item.author ?? []).map(personName).filter(Boolean),
    ...(date && date.length > 0 ? { date } : {}),
    ...optional(genre === 'proceeding' ? 'conference' : 'journal', genre === 'preprint' ? undefined : container),
    ...optional('volume', text(item.volume)),
    ...optional('issue', text(item.issue)),
    ...optional('firstPage', pages?.[0]),
    ...optional('lastPage', pages && pages.length > 1 ? pages[pages.length - 1] : undefined),
    ...optional('doi', text(item.DOI)),
    ...optional('arxiv', item.custom.arxiv),
    ...optional('pdf', extra.pdf),
    ...optional('url', text(item.URL)),
    ...optional('publisher', text(item.publisher)),
    ...optional('abstract', extra.abstract),
    genre,
  } as ScholarlyMeta;
}

const pad = (n: number | undefined): string | undefined => (n === undefined ? undefined : String(n).padStart(2, '0'));

function scholarDate(date: readonly number[] | undefined): string | undefined {
  if (!date || date[0] === undefined) return undefined;
  return date.length >= 3 ? `${date[0]}/${pad(date[1])}/${pad(date[2])}` : String(date[0]);
}

/** Highwire Press `<meta>` tags, one per line, in Google Scholar's order. */
export function highwireTags(meta: ScholarlyMeta): string {
  const tags: [string, string | undefined][] = [
    ['citation_title', meta.title],
    ...meta.authors.map((a): [string, string] => ['citation_author', a]),
    // Google Scholar reads "2010/5/12" or the year alone
    ['citation_publication_date', scholarDate(meta.date)],
    ['citation_journal_title', meta.journal],
    ['citation_conference_title', meta.conference],
    ['citation_volume', meta.volume],
    ['citation_issue', meta.issue],
    ['citation_firstpage', meta.firstPage],
    ['citation_lastpage', meta.lastPage],
    ['citation_publisher', meta.publisher],
    ['citation_doi', meta.doi],
    ['citation_arxiv_id', meta.arxiv],
    ['citation_pdf_url', meta.pdf],
  ];
  return tags
    .filter((t): t is [string, string] => t[1] !== undefined && t[1] !== '')
    .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`)
    .join('\n');
}

/** schema.org JSON-LD, safe inside a `<script>`: no `<` reaches the page as such. */
export function jsonLd(meta: ScholarlyMeta): string {
  const date = meta.date ? [meta.date[0], pad(meta.date[1]), pad(meta.date[2])].filter(Boolean).join('-') : undefined;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: meta.title,
    name: meta.title,
    author: meta.authors.map((name) => ({ '@type': 'Person', name })),
    ...(date ? { datePublished: date } : {}),
    ...(meta.journal || meta.conference
      ? { isPartOf: { '@type': meta.journal ? 'Periodical' : 'Event', name: meta.journal ?? meta.conference } }
      : {}),
    ...(meta.volume ? { volumeNumber: meta.volume } : {}),
    ...(meta.issue ? { issueNumber: meta.issue } : {}),
    ...(meta.firstPage ? { pageStart: meta.firstPage } : {}),
    ...(meta.lastPage ? { pageEnd: meta.lastPage } : {}),
    ...(meta.doi ? { identifier: `https://doi.org/${meta.doi}`, sameAs: `https://doi.org/${meta.doi}` } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.publisher ? { publisher: { '@type': 'Organization', name: meta.publisher } } : {}),
    ...(meta.abstract ? { abstract: meta.abstract } : {}),
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<script type="application/ld+json">${json}</script>`;
}

/** A COinS span (Z39.88-2004 KEV in the title attribute), invisible, for Zotero and the like on the list page. */
export function coinsSpan(meta: ScholarlyMeta): string {
  const journalFormat = meta.genre === 'article' || meta.genre === 'proceeding';
  const pairs: [string, string | undefined][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', journalFormat ? 'info:ofi/fmt:kev:mtx:journal' : 'info:ofi/fmt:kev:mtx:book'],
    ['rft.genre', meta.genre === 'article' ? 'article' : meta.genre === 'proceeding' ? 'proceeding' : 'document'],
    [journalFormat ? 'rft.atitle' : 'rft.btitle', meta.title],
    ['rft.jtitle', meta.journal ?? meta.conference],
    ['rft.date', meta.date?.[0] === undefined ? undefined : String(meta.date[0])],
    ['rft.volume', meta.volume],
    ['rft.issue', meta.issue],
    ['rft.spage', meta.firstPage],
    ['rft.epage', meta.lastPage],
    ...meta.authors.map((a): [string, string] => ['rft.au', a]),
    ['rft_id', meta.doi ? `info:doi/${meta.doi}` : undefined],
    ['rft_id', meta.url],
  ];
  const kev = pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `<span class="Z3988" title="${escapeHtml(kev)}"></span>`;
}
