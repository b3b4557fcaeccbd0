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
import axios, { type AxiosInstance } from 'axios';
import type { Readable } from 'node:stream';
import { parseArxivId } from '../model/arxiv-id.js';
import { VERSION } from '../version.js';
import { FeedError, MAX_FEED_BYTES, parseFeed, type ArxivRecord } from './atom.js';
import type { ResponseCache } from './cache.js';

export const ARXIV_API_URL = 'https://export.arxiv.org/api/query';
export const MIN_ARXIV_DELAY_MS = 3000;
export const MAX_BATCH = 100;

export interface ClientOptions {
  readonly apiUrl?: string;
  readonly batchSize?: number;
  readonly delayMs?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  /** First backoff (default: the delay between requests); doubled at each retry. */
  readonly backoffMs?: number;
  /** The longest wait accepted from Retry-After or backoff. */
  readonly maxWaitMs?: number;
  /** Time allowed until the response headers arrive. */
  readonly connectTimeoutMs?: number;
  /** Longest silence allowed while the body arrives. */
  readonly readTimeoutMs?: number;
  readonly maxBytes?: number;
  readonly http?: AxiosInstance;
  readonly cache?: ResponseCache;
  /** Skip the cache when reading (still write it). */
  readonly refresh?: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
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

/** A request that failed for good: network, HTTP status, or a response that is not a feed. */
export class ArxivError extends Error {}

/** Options that must not be sent to arXiv (checked before any request). */
export class ArxivUsageError extends Error {}

function isArxivHost(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'arxiv.org' || host.endsWith('.arxiv.org');
  } catch {
    return false;
  }
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export class ArxivClient {
  readonly apiUrl: string;
  readonly batchSize: number;
  readonly delayMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly connectTimeoutMs: number;
  private readonly readTimeoutMs: number;
  private readonly maxBytes: number;
  private readonly http: AxiosInstance;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private lastRequestAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: ClientOptions = {}) {
    this.apiUrl = options.apiUrl ?? ARXIV_API_URL;
    this.batchSize = options.batchSize ?? MAX_BATCH;
    this.delayMs = options.delayMs ?? MIN_ARXIV_DELAY_MS;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > MAX_BATCH) {
      throw new ArxivUsageError(`the batch size must be between 1 and ${MAX_BATCH}`);
    }
    if (isArxivHost(this.apiUrl) && this.delayMs < MIN_ARXIV_DELAY_MS) {
      throw new ArxivUsageError(
        `arXiv's terms of use ask for ${MIN_ARXIV_DELAY_MS} ms between requests; --delay-ms ${this.delayMs} is refused for ${new URL(this.apiUrl).hostname}`,
      );
    }
    if (!/^https?:\/\//.test(this.apiUrl)) throw new ArxivUsageError(`the API URL must be http(s): ${this.apiUrl}`);
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoffMs = options.backoffMs ?? Math.max(this.delayMs, 100);
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    this.readTimeoutMs = options.readTimeoutMs ?? 30_000;
    this.maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
    this.http = options.http ?? axios.create();
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  static userAgent(): string {
    return `bibfolio/${VERSION} (publication list tool; https://www.npmjs.com/package/bibfolio)`;
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

  /** One GET with spacing, timeouts, size cap and retries; resolves to the body of a 200 response. */
  private async request(url: string): Promise<string> {
    let lastError = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const wait = this.lastRequestAt + this.delayMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.lastRequestAt = this.now();
      const outcome = await this.attempt(url);
      if (outcome.kind === 'ok') return outcome.body;
      lastError = outcome.message;
      if (!outcome.retry || attempt === this.maxAttempts) break;
      const backoff = Math.min(this.backoffMs * 2 ** (attempt - 1), this.maxWaitMs);
      const delay = outcome.retryAfterMs !== undefined ? Math.max(outcome.retryAfterMs, this.delayMs) : backoff;
      if (delay > this.maxWaitMs) {
        throw new ArxivError(
          `arXiv asks to wait ${Math.round(delay / 1000)} s (Retry-After) before ${url}; try again later`,
        );
      }
      await this.sleep(delay);
    }
    throw new ArxivError(
      `arXiv request failed after ${this.maxAttempts} attempt${this.maxAttempts === 1 ? '' : 's'}: ${lastError} (${url})`,
    );
  }

  private async attempt(url: string): Promise<Outcome> {
    const controller = new AbortController();
    const connectTimer = setTimeout(() => controller.abort(), this.connectTimeoutMs);
    let stream: Readable;
    let status: number;
    let headers: Record<string, unknown>;
    try {
      const response = await this.http.get<Readable>(url, {
        responseType: 'stream',
        signal: controller.signal,
        headers: { 'User-Agent': ArxivClient.userAgent(), Accept: 'application/atom+xml' },
        validateStatus: () => true,
        maxRedirects: 3,
        decompress: true,
      });
      stream = response.data;
      status = response.status;
      headers = response.headers as Record<string, unknown>;
    } catch (err) {
      const e = err as { code?: string; message: string };
      const timedOut = controller.signal.aborted;
      return {
        kind: 'error',
        retry: true,
        message: timedOut
          ? `no response within ${this.connectTimeoutMs} ms`
          : `${e.code ?? 'network error'}: ${e.message}`,
      };
    } finally {
      clearTimeout(connectTimer);
    }
    let body: string;
    try {
      body = await this.readBody(stream);
    } catch (err) {
      return { kind: 'error', retry: !(err instanceof TooLarge), message: (err as Error).message };
    }
    if (status === 200) return { kind: 'ok', body };
    const retryAfterMs = parseRetryAfter(headers['retry-after'], this.now());
    let detail = '';
    if (status === 400) {
      try {
        detail = parseFeed(body).errors.join('; ');
      } catch (err) {
        if (!(err instanceof FeedError)) throw err;
      }
    }
    return {
      kind: 'error',
      retry: RETRY_STATUS.has(status),
      message: `HTTP ${status}${detail ? `: ${detail}` : ''}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }

  /** Reads the body with a read timeout (silence) and a size cap. */
  private readBody(stream: Readable): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let timer = setTimeout(onSilence, this.readTimeoutMs);
      const maxBytes = this.maxBytes;
      const readTimeoutMs = this.readTimeoutMs;
      function onSilence(): void {
        stream.destroy();
        reject(new Error(`the response stalled for ${readTimeoutMs} ms`));
      }
      stream.on('data', (chunk: Buffer) => {
        clearTimeout(timer);
        timer = setTimeout(onSilence, readTimeoutMs);
        size += chunk.length;
        if (size > maxBytes) {
          clearTimeout(timer);
          stream.destroy();
          reject(new TooLarge(`the response is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
      stream.on('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`the response was cut off: ${err.message}`));
      });
      stream.on('close', () => {
        clearTimeout(timer);
        // a no-op once the body has ended; otherwise the connection closed early
        reject(new Error('the response was cut off before its end'));
      });
    });
  }
}

class TooLarge extends Error {}

type Outcome =
  | { readonly kind: 'ok'; readonly body: string }
  | { readonly kind: 'error'; readonly retry: boolean; readonly message: string; readonly retryAfterMs?: number };

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
