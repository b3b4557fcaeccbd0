/**
 * DOIs resolved by content negotiation at the DOI resolver (https://citation.crosscite.org/docs.html): `GET
 * {doiUrl}/{DOI}` with `Accept: application/vnd.citationstyles.csl+json`, which Crossref, DataCite and mEDRA all
 * answer (the resolver redirects to the agency). A resolver that cannot negotiate (406, or an answer that is not
 * JSON) falls back to the agencies' REST APIs: Crossref's (`{crossrefUrl}/works/{DOI}`, whose `message` is nearly
 * CSL-JSON) and DataCite's (`{dataciteUrl}/dois/{DOI}`, sources/datacite.ts), DataCite first for its own prefixes. The
 * arXiv client's discipline: polite spacing, retries with backoff on 429 and 5xx honouring Retry-After, a size cap, a
 * cache, one line per failure.
 */
import { HttpFailure } from '../http/polite-client.js';
import type { CslWork } from './csl-work.js';
import { DATACITE_URL, dataciteToCsl, isDataCitePrefix } from './datacite.js';
import {
  cached,
  checkedBase,
  MIN_VENUE_DELAY_MS,
  SourceError,
  transportFor,
  type SourceClientOptions,
} from '../venues/source-client.js';

export const DOI_URL = 'https://doi.org';
export const CROSSREF_URL = 'https://api.crossref.org';
export const CSL_JSON = 'application/vnd.citationstyles.csl+json';

export type { CslWork } from './csl-work.js';

export interface DoiOptions extends SourceClientOptions {
  /** Crossref's and DataCite's REST APIs, for a resolver that cannot negotiate. */
  readonly crossrefUrl?: string;
  readonly dataciteUrl?: string;
  readonly mailto?: string;
}

export class DoiClient {
  readonly baseUrl: string;
  readonly crossrefUrl: string;
  readonly dataciteUrl: string;
  requests = 0;
  fromCache = 0;
  private readonly transport;
  private readonly crossref;
  private readonly datacite;

  constructor(private readonly options: DoiOptions = {}) {
    const delay = options.delayMs ?? MIN_VENUE_DELAY_MS;
    this.baseUrl = checkedBase('the DOI resolver', options.baseUrl ?? DOI_URL, 'doi.org', delay);
    this.transport = transportFor('DOI resolver', options, { accept: CSL_JSON });
    // the fallbacks: a base the user named keeps the delay rule; the real hosts by default get their polite delay
    const crossref = fallback('Crossref', options.crossrefUrl, CROSSREF_URL, 'crossref.org', delay);
    this.crossrefUrl = crossref.base;
    this.crossref = transportFor('Crossref', options, { accept: 'application/json', delayMs: crossref.delayMs });
    const datacite = fallback('DataCite', options.dataciteUrl, DATACITE_URL, 'datacite.org', delay);
    this.dataciteUrl = datacite.base;
    this.datacite = transportFor('DataCite', options, {
      accept: 'application/vnd.api+json',
      delayMs: datacite.delayMs,
    });
  }

  /** The work a DOI names, or undefined when no agency knows it (404). */
  async work(doi: string): Promise<CslWork | undefined> {
    const url = `${this.baseUrl}/${doi.split('/').map(encodeURIComponent).join('/')}`;
    const { body, fromCache } = await cached(this.options, `csl:${url}`, async () => {
      this.requests++;
      try {
        const response = await this.transport.get(url, [200, 404, 406]);
        if (response.status === 404) return undefined;
        if (response.status === 200 && isJson(response.body)) return response.body;
        return await this.fromAgencies(doi);
      } catch (err) {
        if (err instanceof HttpFailure) throw new SourceError(err.message);
        throw err;
      }
    });
    if (fromCache) this.fromCache++;
    return body === undefined ? undefined : parseCslWork(body, doi);
  }

  /** The agencies' own APIs, DataCite first for its prefixes: the first that knows the DOI answers. */
  private async fromAgencies(doi: string): Promise<string | undefined> {
    const order = isDataCitePrefix(doi)
      ? [() => this.fromDataCite(doi), () => this.fromCrossref(doi)]
      : [() => this.fromCrossref(doi), () => this.fromDataCite(doi)];
    for (const ask of order) {
      const body = await ask();
      if (body !== undefined) return body;
    }
    return undefined;
  }

  private async fromDataCite(doi: string): Promise<string | undefined> {
    this.requests++;
    const response = await this.datacite.get(`${this.dataciteUrl}/dois/${encodeURIComponent(doi)}`, [200, 404]);
    if (response.status !== 200) return undefined;
    const work = dataciteToCsl(response.body);
    return work === undefined ? undefined : JSON.stringify(work);
  }

  private async fromCrossref(doi: string): Promise<string | undefined> {
    const mailto = this.options.mailto ? `?mailto=${encodeURIComponent(this.options.mailto)}` : '';
    this.requests++;
    const response = await this.crossref.get(
      `${this.crossrefUrl}/works/${encodeURIComponent(doi)}${mailto}`,
      [200, 404],
    );
    if (response.status !== 200) return undefined;
    let message: unknown;
    try {
      message = (JSON.parse(response.body) as { message?: unknown } | null)?.message;
    } catch {
      throw new SourceError(`Crossref's answer for ${doi} is not JSON`);
    }
    return message === undefined ? undefined : JSON.stringify(message);
  }
}

/** A fallback's base and delay: as named (the delay rule checked), else the real host at its polite delay. */
function fallback(
  service: string,
  named: string | undefined,
  real: string,
  realHost: string,
  delayMs: number,
): { base: string; delayMs: number } {
  if (named !== undefined) return { base: checkedBase(service, named, realHost, delayMs), delayMs };
  return { base: real, delayMs: Math.max(delayMs, MIN_VENUE_DELAY_MS) };
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
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
