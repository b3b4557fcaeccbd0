/**
 * DOIs resolved by content negotiation at the DOI resolver (https://citation.crosscite.org/docs.html): `GET
 * {doiUrl}/{DOI}` with `Accept: application/vnd.citationstyles.csl+json`, which Crossref, DataCite and mEDRA all
 * answer (the resolver redirects to the agency). A resolver that cannot negotiate (406) falls back to Crossref's REST
 * API (`{crossrefUrl}/works/{DOI}`, whose `message` is nearly CSL-JSON). The arXiv client's discipline: polite
 * spacing, retries with backoff on 429 and 5xx honouring Retry-After, a size cap, a cache, one line per failure.
 */
import { HttpFailure } from '../http/polite-client.js';
import { cached, checkedBase, SourceError, transportFor, type SourceClientOptions } from '../venues/source-client.js';

export const DOI_URL = 'https://doi.org';
export const CSL_JSON = 'application/vnd.citationstyles.csl+json';

/** The CSL-JSON of a work, as the agencies write it (only what a BibTeX entry needs is read). */
export interface CslWork {
  readonly DOI?: string;
  readonly type?: string;
  readonly title?: string | readonly string[];
  readonly 'container-title'?: string | readonly string[];
  readonly publisher?: string;
  readonly volume?: string | number;
  readonly issue?: string | number;
  readonly page?: string;
  readonly URL?: string;
  readonly issued?: { readonly 'date-parts'?: readonly (readonly (number | string)[])[] };
  readonly published?: { readonly 'date-parts'?: readonly (readonly (number | string)[])[] };
  readonly author?: readonly {
    readonly given?: string;
    readonly family?: string;
    readonly literal?: string;
    readonly name?: string;
  }[];
}

export interface DoiOptions extends SourceClientOptions {
  /** Crossref's REST API, for a resolver that cannot negotiate. */
  readonly crossrefUrl?: string;
  readonly mailto?: string;
}

export class DoiClient {
  readonly baseUrl: string;
  readonly crossrefUrl: string;
  requests = 0;
  fromCache = 0;
  private readonly transport;
  private readonly crossref;

  constructor(private readonly options: DoiOptions = {}) {
    const delay = options.delayMs ?? 3000;
    this.baseUrl = checkedBase('the DOI resolver', options.baseUrl ?? DOI_URL, 'doi.org', delay);
    this.crossrefUrl = checkedBase(
      'Crossref',
      options.crossrefUrl ?? 'https://api.crossref.org',
      'crossref.org',
      delay,
    );
    this.transport = transportFor('DOI resolver', options, { accept: CSL_JSON });
    this.crossref = transportFor('Crossref', options, { accept: 'application/json' });
  }

  /** The work a DOI names, or undefined when no agency knows it (404). */
  async work(doi: string): Promise<CslWork | undefined> {
    const url = `${this.baseUrl}/${doi.split('/').map(encodeURIComponent).join('/')}`;
    const { body, fromCache } = await cached(this.options, `csl:${url}`, async () => {
      this.requests++;
      try {
        const response = await this.transport.get(url, [200, 404, 406]);
        if (response.status === 406) return this.fromCrossref(doi);
        return response.status === 200 ? response.body : undefined;
      } catch (err) {
        if (err instanceof HttpFailure) throw new SourceError(err.message);
        throw err;
      }
    });
    if (fromCache) this.fromCache++;
    return body === undefined ? undefined : parseCslWork(body, doi);
  }

  private async fromCrossref(doi: string): Promise<string | undefined> {
    const mailto = this.options.mailto ? `?mailto=${encodeURIComponent(this.options.mailto)}` : '';
    this.requests++;
    const response = await this.crossref.get(
      `${this.crossrefUrl}/works/${encodeURIComponent(doi)}${mailto}`,
      [200, 404],
    );
    if (response.status !== 200) return undefined;
    const message = (JSON.parse(response.body) as { message?: unknown }).message;
    return message === undefined ? undefined : JSON.stringify(message);
  }
}

/** A CSL-JSON answer read as a work; anything else is a SourceError naming the DOI. */
export function parseCslWork(body: string, doi: string): CslWork {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new SourceError(`the DOI resolver's answer for ${doi} is not JSON`);
  }
  const work = Array.isArray(json) ? json[0] : json;
  if (typeof work !== 'object' || work === null)
    throw new SourceError(`the DOI resolver's answer for ${doi} is not a work`);
  return work as CslWork;
}
