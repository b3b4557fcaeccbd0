/**
 * The HTTP discipline every bibfolio client shares (arXiv, the CSL style catalogue, and the identifier sources):
 * one request at a time with a minimum spacing, a User-Agent that names bibfolio, a connect timeout and a read
 * timeout (silence while the body arrives), a size cap, and retries with exponential backoff on 429, 5xx and broken
 * connections, honouring Retry-After up to a bound; a total deadline per request and the command's own deadline
 * (an AbortSignal); no retries when the host was never reached (no network); headers such as an API key dropped on a
 * redirect to another origin. The transport (an axios instance) is injected, so tests talk to real servers on
 * 127.0.0.1 and production to the real hosts with the same code.
 */
import type { AxiosInstance } from 'axios';
import { load as axios } from '../vendor/axios.js';
import { readBody, type BodyLimits } from './read-body.js';
import type { Readable } from 'node:stream';
import {
  dropOnOtherOrigin,
  HttpFailure,
  parseRetryAfter,
  RETRY_STATUS,
  TooLarge,
  UNREACHABLE,
  userAgent,
  type HttpResponse,
  type Outcome,
  type PoliteClientOptions,
} from './transport.js';
export {
  HttpFailure,
  parseRetryAfter,
  userAgent,
  type HttpResponse,
  type PoliteClientOptions,
  type TransportOptions,
} from './transport.js';

export class PoliteClient {
  readonly delayMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly connectTimeoutMs: number;
  private readonly requestDeadlineMs: number;
  /** How a body is read: the read timeout, the deadline and the size cap (read-body.ts). */
  private readonly bodyLimits: BodyLimits;
  /** Whether any request to this service has been answered (a host never reached fails at once). */
  private reached = false;
  private readonly http: AxiosInstance;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private lastRequestAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: PoliteClientOptions) {
    this.delayMs = options.delayMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoffMs = options.backoffMs ?? Math.max(this.delayMs, 100);
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    this.requestDeadlineMs = options.requestDeadlineMs ?? 120_000;
    this.bodyLimits = {
      readTimeoutMs: options.readTimeoutMs ?? 30_000,
      requestDeadlineMs: this.requestDeadlineMs,
      maxBytes: options.maxBytes ?? 16 * 1024 * 1024,
    };
    this.http = options.http ?? axios().create();
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /**
   * One GET with spacing, timeouts, size cap and retries. Resolves to the response when its status is one of
   * `accept` (default: 200); throws HttpFailure otherwise, saying how many attempts were made.
   */
  async get(url: string, accept: readonly number[] = [200]): Promise<HttpResponse> {
    return this.send({ url }, accept);
  }

  /** One POST of a JSON body, with the same discipline as `get`. */
  async postJson(url: string, body: unknown, accept: readonly number[] = [200]): Promise<HttpResponse> {
    return this.send({ url, json: JSON.stringify(body) }, accept);
  }

  private async send(request: { url: string; json?: string }, accept: readonly number[]): Promise<HttpResponse> {
    const { url } = request;
    const { service } = this.options;
    let last: Outcome | undefined;
    let attempts = 0;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const wait = this.lastRequestAt + this.delayMs - this.now();
      if (wait > 0) await this.wait(wait, url);
      this.checkDeadline(url);
      this.lastRequestAt = this.now();
      attempts = attempt;
      const outcome = await this.attempt(request, accept);
      this.checkDeadline(url);
      if (outcome.kind === 'ok') {
        this.reached = true;
        return { status: outcome.status, body: outcome.body };
      }
      if (outcome.status !== undefined) this.reached = true;
      last = outcome;
      if (outcome.kind === 'error' && outcome.unreachable && !this.reached) {
        throw new HttpFailure(`cannot reach ${new URL(url).host}: no network? (${outcome.message})`);
      }
      if (!outcome.retry || attempt === this.maxAttempts) break;
      const backoff = Math.min(this.backoffMs * 2 ** (attempt - 1), this.maxWaitMs);
      const delay = outcome.retryAfterMs !== undefined ? Math.max(outcome.retryAfterMs, this.delayMs) : backoff;
      if (delay > this.maxWaitMs) {
        throw new HttpFailure(
          `${service} asks to wait ${Math.round(delay / 1000)} s (Retry-After) before ${url}; try again later`,
          outcome.status,
        );
      }
      this.options.onRetry?.({ url, attempt, waitMs: delay, reason: outcome.message });
      await this.wait(delay, url);
    }
    const message = last?.kind === 'error' ? last.message : 'no response';
    throw new HttpFailure(
      `${service} request failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message} (${url})`,
      last?.kind === 'error' ? last.status : undefined,
    );
  }

  /** Throws once the command's deadline has passed. */
  private checkDeadline(url: string): void {
    if (this.options.signal?.aborted)
      throw new HttpFailure(`${this.options.service}: stopped, the command's deadline passed (${url})`);
  }

  /** A wait that the command's deadline cuts short. */
  private async wait(ms: number, url: string): Promise<void> {
    const signal = this.options.signal;
    if (!signal) return this.sleep(ms);
    this.checkDeadline(url);
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    signal.addEventListener('abort', stop, { once: true });
    try {
      await Promise.race([this.sleep(ms), stopped]);
    } finally {
      // a long sync waits hundreds of times on one signal: no listener outlives its wait
      signal.removeEventListener('abort', stop);
    }
    this.checkDeadline(url);
  }

  private async attempt(request: { url: string; json?: string }, accept: readonly number[]): Promise<Outcome> {
    const controller = new AbortController();
    const connectTimer = setTimeout(() => controller.abort(), this.connectTimeoutMs);
    // the whole attempt, body included, has a deadline of its own; the command's deadline stops it too
    const deadline = new AbortController();
    const deadlineTimer = setTimeout(() => deadline.abort(), this.requestDeadlineMs);
    const signals = [controller.signal, deadline.signal, ...(this.options.signal ? [this.options.signal] : [])];
    try {
      return await this.attemptWithin(request, accept, controller, AbortSignal.any(signals), connectTimer);
    } finally {
      clearTimeout(deadlineTimer);
    }
  }

  private async attemptWithin(
    request: { url: string; json?: string },
    accept: readonly number[],
    controller: AbortController,
    signal: AbortSignal,
    connectTimer: NodeJS.Timeout,
  ): Promise<Outcome> {
    const { url, json } = request;
    let stream: Readable;
    let status: number;
    let headers: Record<string, unknown>;
    try {
      const response = await this.http.request<Readable>({
        url,
        method: json === undefined ? 'GET' : 'POST',
        ...(json === undefined ? {} : { data: json }),
        responseType: 'stream',
        signal,
        headers: {
          'User-Agent': userAgent(),
          ...(this.options.accept ? { Accept: this.options.accept } : {}),
          ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...this.options.headers,
        },
        validateStatus: () => true,
        maxRedirects: 3,
        // an API key is for its own host: a redirect elsewhere goes without it
        beforeRedirect: dropOnOtherOrigin(this.options.headers) as never,
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
        unreachable: !timedOut && UNREACHABLE.has(e.code ?? ''),
        message:
          signal.aborted && !timedOut
            ? `no complete answer within ${this.requestDeadlineMs} ms`
            : timedOut
              ? `no response within ${this.connectTimeoutMs} ms`
              : `${e.code ?? 'network error'}: ${e.message}`,
      };
    } finally {
      clearTimeout(connectTimer);
    }
    let body: string;
    try {
      body = await readBody(stream, signal, this.bodyLimits);
    } catch (err) {
      return { kind: 'error', retry: !(err instanceof TooLarge), message: (err as Error).message };
    }
    if (accept.includes(status)) return { kind: 'ok', status, body };
    const retryAfterMs = parseRetryAfter(headers['retry-after'], this.now());
    const detail = this.options.describe?.(status, body) ?? '';
    return {
      kind: 'error',
      retry: RETRY_STATUS.has(status),
      status,
      message: `HTTP ${status}${detail ? `: ${detail}` : ''}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
}
