/**
 * DataCite's REST API (https://support.datacite.org/docs/api-get-doi): `GET {dataciteUrl}/dois/{DOI}`, the fallback
 * for DataCite DOIs (Zenodo, arXiv's `10.48550/arXiv.*`, datasets) when the DOI resolver cannot answer CSL-JSON. The
 * answer is JSON:API (`data.attributes`: titles, creators, publicationYear, container, types); it is read here as
 * the CSL-JSON the resolver would have given. Pure.
 */
import type { CslWork } from './csl-work.js';

export const DATACITE_URL = 'https://api.datacite.org';

/** DOI prefixes registered with DataCite, asked of DataCite before Crossref. */
const DATACITE_PREFIXES = new Set(['10.48550', '10.5281', '10.5061', '10.6084', '10.17632', '10.5438', '10.14454']);

export function isDataCitePrefix(doi: string): boolean {
  return DATACITE_PREFIXES.has(doi.split('/')[0] ?? '');
}

interface Creator {
  readonly name?: string;
  readonly nameType?: string;
  readonly givenName?: string;
  readonly familyName?: string;
}

interface Attributes {
  readonly doi?: string;
  readonly titles?: readonly { readonly title?: string; readonly titleType?: string }[];
  readonly creators?: readonly Creator[];
  readonly publisher?: string | { readonly name?: string };
  readonly publicationYear?: number | string;
  readonly types?: { readonly citeproc?: string; readonly resourceTypeGeneral?: string };
  readonly container?: {
    readonly title?: string;
    readonly volume?: string;
    readonly issue?: string;
    readonly firstPage?: string;
    readonly lastPage?: string;
  };
  readonly dates?: readonly { readonly date?: string; readonly dateType?: string }[];
  readonly url?: string;
}

const TYPE_OF_GENERAL: Readonly<Record<string, string>> = {
  JournalArticle: 'article-journal',
  ConferencePaper: 'paper-conference',
  BookChapter: 'chapter',
  Book: 'book',
  Dissertation: 'thesis',
  Report: 'report',
  Preprint: 'article',
  Dataset: 'dataset',
  Software: 'software',
};

function creator(c: Creator): NonNullable<CslWork['author']>[number] {
  if (c.familyName) return c.givenName ? { family: c.familyName, given: c.givenName } : { family: c.familyName };
  const name = c.name?.trim() ?? '';
  // "Family, Given" is DataCite's form for a person without the split fields
  const comma = c.nameType !== 'Organizational' ? /^([^,]+),\s*(.+)$/.exec(name) : null;
  return comma?.[1] && comma[2] ? { family: comma[1].trim(), given: comma[2].trim() } : { literal: name };
}

/** The date of issue as CSL date parts: the `Issued` date where given, else the publication year. */
function issued(a: Attributes): CslWork['issued'] {
  const date = a.dates?.find((d) => d.dateType === 'Issued')?.date;
  const parts = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (parts?.[1]) return { 'date-parts': [[parts[1], ...[parts[2], parts[3]].filter((p): p is string => !!p)]] };
  const year = a.publicationYear === undefined ? undefined : String(a.publicationYear);
  return year && /^\d{4}$/.test(year) ? { 'date-parts': [[year]] } : undefined;
}

/** A DataCite JSON:API answer read as CSL-JSON, or undefined when it holds no work. */
export function dataciteToCsl(body: string): CslWork | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const a = (json as { data?: { attributes?: Attributes } } | null)?.data?.attributes;
  if (!a || typeof a !== 'object') return undefined;
  const title = a.titles?.find((t) => !t.titleType)?.title ?? a.titles?.[0]?.title;
  const pages = [a.container?.firstPage, a.container?.lastPage].filter(Boolean).join('-');
  const date = issued(a);
  const publisher = typeof a.publisher === 'string' ? a.publisher : a.publisher?.name;
  return {
    ...(a.doi ? { DOI: a.doi } : {}),
    // the general type first: DataCite's own citeproc type calls software and most else "article"
    type: TYPE_OF_GENERAL[a.types?.resourceTypeGeneral ?? ''] ?? a.types?.citeproc ?? 'article',
    ...(title ? { title } : {}),
    ...(a.creators ? { author: a.creators.map(creator) } : {}),
    ...(a.container?.title ? { 'container-title': a.container.title } : {}),
    ...(a.container?.volume ? { volume: a.container.volume } : {}),
    ...(a.container?.issue ? { issue: a.container.issue } : {}),
    ...(pages ? { page: pages } : {}),
    ...(publisher ? { publisher } : {}),
    ...(date ? { issued: date } : {}),
    ...(a.url ? { URL: a.url } : {}),
  };
}
