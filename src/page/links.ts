/**
 * The links of an entry on a publications page, from the store's fields, in a fixed order: arXiv (from the ID), PDF
 * (`pdf`, else arXiv's PDF), DOI, HTML, code, slides, poster, video, supplement, blog, website (`website`, else
 * `url`): al-folio's fields, read as its pages read them. A value without a scheme (al-folio's `pdf = {paper.pdf}`,
 * a file under `assets/pdf/`) is resolved against the configured `linkBase`, and left out when there is none. Only
 * http(s) links and site-relative paths are made: a `javascript:` or `data:` value is left out. The field read for
 * each label is configurable.
 */
import type { CslItem } from '../csl/types.js';
import type { BibEntry } from '../model/entry.js';

export interface EntryLink {
  readonly label: string;
  readonly url: string;
}

/** Label -> the store fields read for it, first found wins. */
export const DEFAULT_LINK_FIELDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['PDF', ['pdf']],
  ['HTML', ['html']],
  ['Code', ['code']],
  ['Slides', ['slides']],
  ['Poster', ['poster']],
  ['Video', ['video']],
  ['Supp', ['supp']],
  ['Blog', ['blog']],
  ['Website', ['website', 'url']],
];

/**
 * A link value as an address: absolute http(s) as it is; a relative value (no scheme) against `base` (an http(s)
 * address or a site path starting with `/`); undefined for anything else (`javascript:`, `data:`, no base).
 */
export function resolveLink(value: string, base: string | undefined): string | undefined {
  const clean = value.trim();
  if (isWebUrl(clean)) return clean;
  if (clean === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(clean) || clean.startsWith('//') || base === undefined)
    return undefined;
  const path = clean
    .replace(/^\.?\//, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
  if (isWebUrl(base)) {
    try {
      const url = new URL(path, base.endsWith('/') ? base : `${base}/`).href;
      return isWebUrl(url) ? url : undefined;
    } catch {
      return undefined;
    }
  }
  if (!base.startsWith('/') || base.startsWith('//')) return undefined;
  return `${base.endsWith('/') ? base : `${base}/`}${path}`;
}

export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s"'<>\\]+$/i.test(url.trim());
}

/** `linkFields` in the config: label -> field name, overriding or adding to the defaults (in their order). */
export function linkFieldsOf(
  overrides: Readonly<Record<string, string>> | undefined,
): ReadonlyArray<readonly [string, readonly string[]]> {
  if (!overrides) return DEFAULT_LINK_FIELDS;
  const out = DEFAULT_LINK_FIELDS.map(
    ([label, fields]) => [label, overrides[label] ? [overrides[label] as string] : fields] as const,
  );
  for (const [label, field] of Object.entries(overrides))
    if (!out.some(([l]) => l === label)) out.push([label, [field]]);
  return out;
}

export function entryLinks(
  entry: BibEntry,
  item: CslItem,
  fields = DEFAULT_LINK_FIELDS,
  base: string | undefined = undefined,
): EntryLink[] {
  const links: EntryLink[] = [];
  const arxiv = item.custom.arxiv;
  const add = (label: string, url: string | undefined) => {
    const clean = url === undefined ? undefined : resolveLink(url, base);
    if (clean && !links.some((l) => l.url === clean)) links.push({ label, url: clean });
  };
  if (arxiv) add('arXiv', `https://arxiv.org/abs/${arxiv}`);
  const field = (names: readonly string[]) =>
    names.map((n) => entry.fields.get(n)).find((v) => v !== undefined && v.trim() !== '');
  const [pdfLabel, pdfFields] = fields[0] ?? ['PDF', ['pdf']];
  add(pdfLabel, field(pdfFields) ?? (arxiv ? `https://arxiv.org/pdf/${arxiv}` : undefined));
  if (item.DOI) add('DOI', `https://doi.org/${item.DOI}`);
  for (const [label, names] of fields.slice(1)) {
    // the website is the entry's own page: not its arXiv or DOI page again
    const url = field(names);
    if (label === 'Website' && url && (/arxiv\.org\/abs\//.test(url) || /doi\.org\//.test(url))) continue;
    add(label, url);
  }
  return links;
}
