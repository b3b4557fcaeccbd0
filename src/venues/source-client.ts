/**
 * What the three identifier sources' clients share, after the arXiv client's discipline: the transport options, the
 * one-day cache, the delay rule for the real hosts, and one error type for a source that failed for good.
 */
import { isLoopbackUrl } from '../http/loopback.js';
import { HttpFailure, PoliteClient, type PoliteClientOptions, type TransportOptions } from '../http/polite-client.js';
import type { ResponseCache } from '../arxiv/cache.js';
import { SourceError, SourceUsageError } from './errors.js';

export const MIN_VENUE_DELAY_MS = 3000;

export interface SourceClientOptions extends TransportOptions {
  /** The service's base, as in its documentation. */
  readonly baseUrl?: string;
  readonly delayMs?: number;
  readonly cache?: ResponseCache;
  /** Skip the cache when reading (still write it). */
  readonly refresh?: boolean;
}

/**
 * The base URL without a trailing slash; refuses a delay below the shared services' limit for any host but this
 * machine's (a stand-in): `--delay-ms 0` is for loopback addresses only.
 */
export function checkedBase(service: string, url: string, realHost: string, delayMs: number): string {
  if (!/^https?:\/\//.test(url)) throw new SourceUsageError(`the ${service} URL must be http(s): ${url}`);
  const host = new URL(url).hostname.toLowerCase();
  if (delayMs < MIN_VENUE_DELAY_MS && !isLoopbackUrl(url)) {
    const shared = host === realHost || host.endsWith(`.${realHost}`) ? `${service} is a shared service: ` : '';
    throw new SourceUsageError(
      `${shared}at least ${MIN_VENUE_DELAY_MS} ms between requests; --delay-ms ${delayMs} is refused for ${host} (a shorter delay is for loopback addresses only)`,
    );
  }
  return url.replace(/\/+$/, '');
}

export function transportFor(
  service: string,
  options: SourceClientOptions,
  extra: Partial<PoliteClientOptions> = {},
): PoliteClient {
  const { baseUrl: _b, cache: _c, refresh: _r, delayMs, ...rest } = options;
  return new PoliteClient({
    service,
    delayMs: delayMs ?? MIN_VENUE_DELAY_MS,
    maxBytes: 8 * 1024 * 1024,
    ...rest,
    ...extra,
  });
}

/** A cached request: the cache key is the URL (and the body of a POST). */
export async function cached(
  options: SourceClientOptions,
  key: string,
  fetch: () => Promise<string | undefined>,
): Promise<{ body: string | undefined; fromCache: boolean }> {
  const hit = options.refresh ? undefined : options.cache?.get(key);
  if (hit !== undefined) return { body: hit === '\u0000none' ? undefined : hit, fromCache: true };
  const body = await fetch();
  options.cache?.set(key, body ?? '\u0000none');
  return { body, fromCache: false };
}

/**
 * What every identifier source's client shares (DBLP, Crossref, ORCID, OpenAlex): the request counts and one cached
 * GET: the body of a 200, undefined for a status the caller names as "not there" (404), a SourceError for a request
 * that failed for good.
 */
/** A source as its client names it: for messages, its default base, its real host (the delay rule) and its format. */
export interface SourceService {
  readonly name: string;
  readonly url: string;
  readonly host: string;
  readonly accept: string;
}

export abstract class SourceClient {
  requests = 0;
  fromCache = 0;
  /** The base URL requests go to (the option's, else the service's), without a trailing slash. */
  readonly baseUrl: string;
  protected readonly transport: PoliteClient;

  protected constructor(
    protected readonly options: SourceClientOptions,
    service: SourceService,
  ) {
    this.baseUrl = checkedBase(
      service.name,
      options.baseUrl ?? service.url,
      service.host,
      options.delayMs ?? MIN_VENUE_DELAY_MS,
    );
    this.transport = transportFor(service.name, options, { accept: service.accept });
  }

  protected async cachedGet(url: string, missing: readonly number[] = [404]): Promise<string | undefined> {
    const { body, fromCache } = await cached(this.options, url, async () => {
      this.requests++;
      try {
        const response = await this.transport.get(url, [200, ...missing]);
        return response.status === 200 ? response.body : undefined;
      } catch (err) {
        if (err instanceof HttpFailure) throw new SourceError(err.message);
        throw err;
      }
    });
    if (fromCache) this.fromCache++;
    return body;
  }
}

export { SourceError, SourceUsageError };
