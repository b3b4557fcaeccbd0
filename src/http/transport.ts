/** The polite transport's options, answers and failures, and the small rules it applies (retry statuses, Retry-After). */
import type { AxiosInstance } from 'axios';
import { VERSION } from '../version.js';

export interface PoliteClientOptions {
  /** The service's name in messages ("arXiv", "the CSL style repository"). */
  readonly service: string;
  /** Milliseconds between the start of two requests. */
  readonly delayMs?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  /** First backoff (default: the delay between requests); doubled at each retry. */
  readonly backoffMs?: number;
  /** The longest wait accepted from Retry-After or backoff. */
  readonly maxWaitMs?: number;
  readonly connectTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  /** The most one attempt may take from its start to the body's end, however the bytes trickle in. */
  readonly requestDeadlineMs?: number;
  /** The command's overall deadline: when it fires, the request under way and any wait stop, and send throws. */
  readonly signal?: AbortSignal;
  readonly maxBytes?: number;
  readonly accept?: string;
  /** Headers sent with every request (an API key); never logged. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly http?: AxiosInstance;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Told before each wait for a retry, so a progress display can say why it is waiting. */
  readonly onRetry?: (info: {
    readonly url: string;
    readonly attempt: number;
    readonly waitMs: number;
    readonly reason: string;
  }) => void;
  /** Extra words for a failed status, from its body (arXiv's error feed). */
  readonly describe?: (status: number, body: string) => string;
}

/** What a client lets its callers set of the transport: attempts, backoff, timeouts, size cap, the injected axios. */
export type TransportOptions = Partial<
  Pick<
    PoliteClientOptions,
    | 'maxAttempts'
    | 'backoffMs'
    | 'maxWaitMs'
    | 'connectTimeoutMs'
    | 'readTimeoutMs'
    | 'requestDeadlineMs'
    | 'signal'
    | 'maxBytes'
    | 'http'
    | 'sleep'
    | 'now'
    | 'onRetry'
  >
>;

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

/** A request that failed for good: network, HTTP status, a body too large or cut off, the deadline passed. */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Network errors that say the host cannot be reached at all: retrying the first request only wastes time. */
export const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Header names sent with every request that must never leave the origin they were meant for. */
export function dropOnOtherOrigin(headers: Readonly<Record<string, string>> | undefined) {
  const secret = Object.keys(headers ?? {}).map((h) => h.toLowerCase());
  return (
    options: {
      protocol?: string;
      hostname?: string;
      port?: string | number;
      headers?: Record<string, unknown>;
    },
    _response: unknown,
    request: { url: string },
  ): void => {
    const from = new URL(request.url);
    const port = options.port === undefined || options.port === '' ? '' : String(options.port);
    const toPort = port || (options.protocol === 'https:' ? '443' : '80');
    const fromPort = from.port || (from.protocol === 'https:' ? '443' : '80');
    const same = options.protocol === from.protocol && options.hostname === from.hostname && toPort === fromPort;
    if (same || !options.headers) return;
    for (const name of Object.keys(options.headers))
      if (secret.includes(name.toLowerCase())) delete options.headers[name];
  };
}

export const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export function userAgent(): string {
  return `bibfolio/${VERSION} (publication list tool; https://www.npmjs.com/package/bibfolio)`;
}

export type Outcome =
  | { readonly kind: 'ok'; readonly status: number; readonly body: string }
  | {
      readonly kind: 'error';
      readonly retry: boolean;
      readonly unreachable?: boolean;
      readonly message: string;
      readonly status?: number;
      readonly retryAfterMs?: number;
    };

export class TooLarge extends Error {}

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
