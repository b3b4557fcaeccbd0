/**
 * The arXiv API client (https://info.arxiv.org/help/api/user-manual.html), in the shape of arxiv.py: a client with
 * page size, delay and retries; a query (a list of IDs); result records. The HTTP transport (an axios instance) is
 * injected, so tests talk to a real local server and production to https://export.arxiv.org/api/query unchanged.
 *
 * The API's rules: `id_list` batches of at most 100 with `max_results` set to the batch size (else arXiv returns 10),
 * one request at a time, at least 3 s between requests, a User-Agent that names the client. Failures: 429, 5xx and
 * connection resets are retried with exponential backoff, honouring Retry-After, a bounded number of times. IDs
 * missing from a batch are asked for once more, then reported as not found.
 */
import { isLoopbackUrl } from '../http/loopback.js';
import { HttpFailure, PoliteClient, userAgent, type TransportOptions } from '../http/polite-client.js';
import { parseArxivId } from '../model/arxiv-id.js';
import { FeedError, MAX_FEED_BYTES, parseFeed, type ArxivRecord } from './atom.js';
import type { ResponseCache } from './cache.js';
import { ArxivError, ArxivUsageError } from './errors.js';

export const ARXIV_API_URL = 'https://export.arxiv.org/api/query';
export const MIN_ARXIV_DELAY_MS = 3000;
export const MAX_BATCH = 100;

/** The transport's options (attempts, backoff, timeouts, size cap, the injected axios instance) and arXiv's own. */
export interface ClientOptions extends TransportOptions {
  readonly apiUrl?: string;
  readonly batchSize?: number;
  readonly delayMs?: number;
  readonly cache?: ResponseCache;
  /** Skip the cache when reading (still write it). */
  readonly refresh?: boolean;
  readonly onProgress?: (progress: Progress) => void;
}

export interface Progress {
  readonly batchesDone: number;
  readonly batches: number;
  readonly idsFetched: number;
  readonly ids: number;
}

export interface FetchResult {
  /** By ID without version. */
  readonly records: ReadonlyMap<string, ArxivRecord>;
  readonly notFound: readonly string[];
  readonly requests: number;
  readonly fromCache: number;
}

export class ArxivClient {
  readonly apiUrl: string;
  readonly batchSize: number;
  readonly delayMs: number;
  private readonly transport: PoliteClient;

  constructor(private readonly options: ClientOptions = {}) {
    this.apiUrl = options.apiUrl ?? ARXIV_API_URL;
    this.batchSize = options.batchSize ?? MAX_BATCH;
    this.delayMs = options.delayMs ?? MIN_ARXIV_DELAY_MS;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > MAX_BATCH) {
      throw new ArxivUsageError(`the batch size must be between 1 and ${MAX_BATCH}`);
    }
    if (!/^https?:\/\//.test(this.apiUrl)) throw new ArxivUsageError(`the API URL must be http(s): ${this.apiUrl}`);
    if (this.delayMs < MIN_ARXIV_DELAY_MS && !isLoopbackUrl(this.apiUrl)) {
      throw new ArxivUsageError(
        `arXiv's terms of use ask for ${MIN_ARXIV_DELAY_MS} ms between requests; --delay-ms ${this.delayMs} is refused for ${new URL(this.apiUrl).hostname} (a shorter delay is for loopback addresses only)`,
      );
    }
    this.transport = new PoliteClient({
      service: 'arXiv',
      delayMs: this.delayMs,
      accept: 'application/atom+xml',
      maxBytes: options.maxBytes ?? MAX_FEED_BYTES,
      describe: (status, body) => (status === 400 ? feedErrors(body) : ''),
      ...pick(options, [
        'maxAttempts',
        'backoffMs',
        'maxWaitMs',
        'connectTimeoutMs',
        'readTimeoutMs',
        'requestDeadlineMs',
        'signal',
        'http',
        'sleep',
        'now',
        'onRetry',
      ]),
    });
  }

  static userAgent(): string {
    return userAgent();
  }

  /** Fetches the records of these IDs (any accepted form; versions are dropped: the latest version is fetched). */
  async fetchIds(inputs: readonly string[]): Promise<FetchResult> {
    const ids: string[] = [];
    for (const input of inputs) {
      const parsed = parseArxivId(input);
      if (!parsed) throw new ArxivUsageError(`"${input}" is not a well-formed arXiv identifier`);
      if (!ids.includes(parsed.id)) ids.push(parsed.id);
    }
    const records = new Map<string, ArxivRecord>();
    const counters = { requests: 0, fromCache: 0 };
    const batches = chunk(ids, this.batchSize);
    let done = 0;
    const report = (): void =>
      this.options.onProgress?.({
        batchesDone: done,
        batches: batches.length,
        idsFetched: records.size,
        ids: ids.length,
      });
    report();
    for (const batch of batches) {
      await this.fetchBatch(batch, records, counters);
      done++;
      report();
    }
    // arXiv silently leaves out IDs it does not find (or, at times, that it fails to look up): ask once more.
    const missing = ids.filter((id) => !records.has(id));
    for (const batch of chunk(missing, this.batchSize)) await this.fetchBatch(batch, records, counters, true);
    report();
    return { records, notFound: ids.filter((id) => !records.has(id)), ...counters };
  }

  private async fetchBatch(
    batch: readonly string[],
    into: Map<string, ArxivRecord>,
    counters: { requests: number; fromCache: number },
    isRetry = false,
  ): Promise<void> {
    const url = this.queryUrl(batch);
    let body = isRetry || this.options.refresh ? undefined : this.options.cache?.get(url);
    if (body !== undefined) counters.fromCache++;
    else {
      body = await this.request(url);
      counters.requests++;
    }
    let feed;
    try {
      feed = parseFeed(body);
    } catch (err) {
      throw new ArxivError(`arXiv's response to ${url} could not be read: ${(err as Error).message}`);
    }
    if (feed.errors.length > 0) throw new ArxivError(`arXiv rejected the request ${url}: ${feed.errors.join('; ')}`);
    if (!isRetry || feed.records.length > 0) this.options.cache?.set(url, body);
    const wanted = new Set(batch);
    for (const record of feed.records) if (wanted.has(record.id)) into.set(record.id, record);
  }

  queryUrl(batch: readonly string[]): string {
    const params = new URLSearchParams({
      id_list: batch.join(','),
      start: '0',
      max_results: String(batch.length),
    });
    return `${this.apiUrl}?${params.toString()}`;
  }

  /** One GET through the shared transport; its failures become ArxivErrors. */
  private async request(url: string): Promise<string> {
    try {
      return (await this.transport.get(url)).body;
    } catch (err) {
      if (err instanceof HttpFailure) throw new ArxivError(err.message);
      throw err;
    }
  }
}

/** The error messages of arXiv's error feed (a 400 answer), or ''. */
function feedErrors(body: string): string {
  try {
    return parseFeed(body).errors.join('; ');
  } catch (err) {
    if (err instanceof FeedError) return '';
    throw err;
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

export { parseRetryAfter } from '../http/polite-client.js';

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export { ArxivError, ArxivUsageError };
