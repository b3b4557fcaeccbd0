/**
 * A researcher's works from OpenAlex (https://docs.openalex.org; `GET {openalexUrl}/works?filter=author.id:A…` or
 * `author.orcid:…`, cursor-paged with `cursor=*` and `meta.next_cursor`, 200 per page, `mailto` for the polite pool):
 * each work's DOI, or its arXiv ID when its only location is arXiv; a work with neither is kept by title, to be
 * reported. The arXiv client's discipline.
 */
import { parseArxivId } from '../model/arxiv-id.js';
import { SourceClient, SourceError, type SourceClientOptions } from '../venues/source-client.js';
import { cleanDoi } from '../model/identifiers.js';
import { parseOrcid, type OrcidWork } from './orcid.js';

export const OPENALEX_URL = 'https://api.openalex.org';

interface Page {
  readonly meta?: { readonly next_cursor?: string | null };
  readonly results?: readonly {
    readonly title?: string | null;
    readonly doi?: string | null;
    readonly publication_year?: number | null;
    readonly ids?: Readonly<Record<string, string>>;
    readonly locations?: readonly { readonly landing_page_url?: string | null }[];
  }[];
}

/** An OpenAlex author (`A5023888391`, or its URL) or an ORCID iD, as the filter that selects their works. */
export function authorFilter(text: string): string | undefined {
  const orcid = parseOrcid(text);
  if (orcid) return `author.orcid:${orcid}`;
  const m = /^(?:https?:\/\/openalex\.org\/)?(A\d{4,12})$/i.exec(text.trim());
  return m ? `author.id:${(m[1] as string).toUpperCase()}` : undefined;
}

export interface OpenAlexOptions extends SourceClientOptions {
  readonly mailto?: string;
}

export class OpenAlexClient extends SourceClient {
  constructor(protected override readonly options: OpenAlexOptions = {}) {
    super(options, { name: 'OpenAlex', url: OPENALEX_URL, host: 'openalex.org', accept: 'application/json' });
  }

  /** Every work of an author, all pages. */
  async works(filter: string): Promise<OrcidWork[]> {
    const out: OrcidWork[] = [];
    let cursor: string | undefined = '*';
    for (let page = 0; cursor && page < 100; page++) {
      const mailto = this.options.mailto ? `&mailto=${encodeURIComponent(this.options.mailto)}` : '';
      const url = `${this.baseUrl}/works?filter=${encodeURIComponent(filter)}&per-page=200&cursor=${encodeURIComponent(cursor)}${mailto}`;
      // every status but 200 is a failure here: a filter OpenAlex cannot read is not "no works"
      const body = await this.cachedGet(url, []);
      let json: Page;
      try {
        json = JSON.parse(body ?? '') as Page;
      } catch {
        throw new SourceError(`OpenAlex's answer for ${filter} is not JSON`);
      }
      if (!Array.isArray(json.results)) throw new SourceError(`OpenAlex's answer for ${filter} has no results`);
      const results: NonNullable<Page['results']> = json.results;
      for (const w of results) {
        const doi = cleanDoi(w.doi ?? undefined);
        const arxiv = (w.locations ?? [])
          .map((l) => (l.landing_page_url ? parseArxivId(l.landing_page_url)?.id : undefined))
          .find((id) => id !== undefined);
        out.push({
          ...(w.title ? { title: w.title } : {}),
          ...(w.publication_year ? { year: String(w.publication_year) } : {}),
          ...(doi ? { doi } : {}),
          ...(arxiv ? { arxiv } : {}),
        });
      }
      cursor = json.meta?.next_cursor ?? undefined;
      if (results.length === 0) break;
    }
    return out;
  }
}
