/**
 * Crossref works by DOI (https://api.crossref.org/swagger-ui/index.html; `{base}/works/DOI`), with a `mailto` for the
 * polite pool: container title, volume, issue, pages, the published date, the type, the authors, and the `relation`
 * that links a version of record to its preprint (`has-preprint`, `is-preprint-of`).
 */
import { SourceClient, SourceError, type SourceClientOptions } from './source-client.js';

export const CROSSREF_URL = 'https://api.crossref.org';

export interface CrossrefWork {
  readonly doi: string;
  /** journal-article, proceedings-article, posted-content, ... */
  readonly type: string;
  readonly title?: string;
  readonly containerTitle?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly pages?: string;
  readonly year?: string;
  readonly authors: readonly { readonly given?: string; readonly family?: string; readonly name?: string }[];
  /** Lower-cased identifiers this work names as its preprint, and as the work it is a preprint of. */
  readonly hasPreprint: readonly string[];
  readonly isPreprintOf: readonly string[];
}

export interface CrossrefOptions extends SourceClientOptions {
  readonly mailto?: string;
}

export class CrossrefClient extends SourceClient {
  constructor(protected override readonly options: CrossrefOptions = {}) {
    super(options, { name: 'Crossref', url: CROSSREF_URL, host: 'crossref.org', accept: 'application/json' });
  }

  /** The work of a DOI; undefined when Crossref has none (404: another agency's DOI, or none). */
  async work(doi: string): Promise<CrossrefWork | undefined> {
    const mailto = this.options.mailto ? `?mailto=${encodeURIComponent(this.options.mailto)}` : '';
    const url = `${this.baseUrl}/works/${encodeURIComponent(doi)}${mailto}`;
    const body = await this.cachedGet(url);
    return body === undefined ? undefined : parseCrossrefWork(body, doi);
  }
}

interface Message {
  DOI?: string;
  type?: string;
  title?: string[];
  'container-title'?: string[];
  volume?: string;
  issue?: string;
  page?: string;
  published?: { 'date-parts'?: number[][] };
  'published-print'?: { 'date-parts'?: number[][] };
  'published-online'?: { 'date-parts'?: number[][] };
  issued?: { 'date-parts'?: number[][] };
  author?: { given?: string; family?: string; name?: string }[];
  relation?: Record<string, { id?: string; 'id-type'?: string }[] | undefined>;
}

export function parseCrossrefWork(body: string, doi: string): CrossrefWork {
  let json: { status?: string; message?: Message };
  try {
    json = JSON.parse(body) as typeof json;
  } catch {
    throw new SourceError(`Crossref's answer for ${doi} is not JSON (a cut-off response?)`);
  }
  const m = json.message;
  if (json.status !== 'ok' || !m || typeof m !== 'object')
    throw new SourceError(`Crossref's answer for ${doi} holds no work`);
  const date = (m.published ?? m['published-print'] ?? m['published-online'] ?? m.issued)?.['date-parts']?.[0];
  const ids = (name: string) => (m.relation?.[name] ?? []).map((r) => String(r.id ?? '').toLowerCase()).filter(Boolean);
  const optional = (name: string, value: string | undefined) => (value ? { [name]: value } : {});
  return {
    doi: m.DOI ?? doi,
    type: m.type ?? 'other',
    authors: m.author ?? [],
    hasPreprint: ids('has-preprint'),
    isPreprintOf: ids('is-preprint-of'),
    ...optional('title', m.title?.[0]),
    ...optional('containerTitle', m['container-title']?.[0]),
    ...optional('volume', m.volume),
    ...optional('issue', m.issue),
    ...optional('pages', m.page),
    ...optional('year', date?.[0] !== undefined ? String(date[0]) : undefined),
  };
}
