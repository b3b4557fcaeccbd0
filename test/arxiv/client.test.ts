/** The client against a real local HTTP server that behaves like arXiv, failures included. No real network. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastTransport } from '../helpers.js';
import { FileCache } from '../../src/arxiv/cache.js';
import {
  ArxivClient,
  ArxivError,
  ArxivUsageError,
  parseRetryAfter,
  type ClientOptions,
} from '../../src/arxiv/client.js';
import { FakeArxiv, type FakePaper } from './fake-arxiv.js';

function paper(n: number, extra: Partial<FakePaper> = {}): FakePaper {
  return {
    id: `2501.${String(10000 + n)}`,
    title: `Paper number ${n} on a long and winding title`,
    authors: [`Ada Lovelace${n}`, 'Kamélia Daudel'],
    published: '2025-01-15T10:00:00Z',
    ...extra,
  };
}

let server: FakeArxiv;
beforeEach(async () => {
  server = await new FakeArxiv(Array.from({ length: 12 }, (_, i) => paper(i))).start();
});
afterEach(async () => {
  await server.stop();
});

const fast = (extra: ClientOptions = {}): ArxivClient =>
  new ArxivClient({
    apiUrl: server.url,
    ...fastTransport(),
    ...extra,
  });

describe('ArxivClient', () => {
  it('asks for N IDs in ceil(N / batch) requests with max_results set, and names itself', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => paper(i).id);
    const result = await fast({ batchSize: 5 }).fetchIds(ids);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.idList.length)).toEqual([5, 5, 2]);
    expect(server.requests.map((r) => r.maxResults)).toEqual(['5', '5', '2']);
    expect(server.requests[0]?.userAgent).toMatch(/^bibfolio\/\d+\.\d+\.\d+ /);
    expect([...result.records.keys()].sort()).toEqual([...ids].sort());
    expect(result.notFound).toEqual([]);
  });

  it('matches results by ID, whatever their order, and drops versions from the query', async () => {
    const result = await fast().fetchIds([
      `${paper(3).id}v2`,
      `arXiv:${paper(1).id}`,
      `https://arxiv.org/abs/${paper(2).id}`,
    ]);
    expect(server.requests[0]?.idList).toEqual([paper(3).id, paper(1).id, paper(2).id]);
    expect(result.records.get(paper(1).id)?.authors[0]?.name).toBe('Ada Lovelace1');
    expect(result.records.get(paper(3).id)?.title).toBe('Paper number 3 on a long and winding title');
  });

  it('waits the configured delay between requests', async () => {
    await fast({ batchSize: 2, delayMs: 150 }).fetchIds(Array.from({ length: 6 }, (_, i) => paper(i).id));
    const arrivals = server.requests.map((r) => r.at);
    const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] ?? 0));
    expect(gaps).toHaveLength(2);
    // the server sees a request when the event loop gets to it: on a loaded CI machine a late arrival shortened the
    // gap after it to 135 ms. Each gap keeps most of the delay, and the two together all of it but the lateness of
    // the first arrival (a client that waited 100 ms would give 200 ms in all).
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(120);
    expect((arrivals[2] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(270);
  });

  it('retries a 429 after the Retry-After it names, then succeeds', async () => {
    server.failures.push({ kind: 'status', status: 429, retryAfter: '1' });
    const result = await fast().fetchIds([paper(0).id]);
    expect(result.records.size).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('retries 503s with exponential backoff', async () => {
    server.failures.push({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const result = await fast({ delayMs: 10, backoffMs: 100 }).fetchIds([paper(0).id]);
    expect(result.records.size).toBe(1);
    const [a, b, c] = server.requests.map((r) => r.at);
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(95);
    expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(195);
  });

  it('retries a stalled response, a truncated body and a reset connection', async () => {
    server.failures.push({ kind: 'stall', ms: 2000 }, { kind: 'truncate' }, { kind: 'reset' });
    const result = await fast().fetchIds([paper(0).id]);
    expect(result.records.size).toBe(1);
    expect(server.requests).toHaveLength(4);
  });

  it('gives up after a bounded number of attempts with a clear error', async () => {
    for (let i = 0; i < 5; i++) server.failures.push({ kind: 'status', status: 503 });
    const error = await fast({ maxAttempts: 3 })
      .fetchIds([paper(0).id])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArxivError);
    expect((error as Error).message).toMatch(/failed after 3 attempts: HTTP 503/);
    expect(server.requests).toHaveLength(3);
  });

  it('refuses a Retry-After longer than it is willing to wait', async () => {
    server.failures.push({ kind: 'status', status: 429, retryAfter: '3600' });
    await expect(fast().fetchIds([paper(0).id])).rejects.toThrowError(/asks to wait 3600 s/);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry the 400 error feed, and says what arXiv said', async () => {
    const client = fast();
    // a malformed ID never leaves the client…
    await expect(client.fetchIds(['abc'])).rejects.toThrowError(ArxivUsageError);
    expect(server.requests).toHaveLength(0);
    // …but if arXiv rejects a batch anyway, its message is reported
    server.failures.push({ kind: 'status', status: 400 });
    await expect(client.fetchIds([paper(0).id])).rejects.toThrowError(/HTTP 400/);
    expect(server.requests).toHaveLength(1);
  });

  it('reports what is not a feed', async () => {
    server.failures.push({ kind: 'garbage' });
    await expect(fast().fetchIds([paper(0).id])).rejects.toThrowError(
      /response to http:\/\/127\.0\.0\.1:\d+\/api\/query\?id_list=2501\.10000.* could not be read/,
    );
  });

  it('asks once more for IDs missing from a batch, then reports them as not found', async () => {
    server.missOnce.add(paper(1).id);
    const result = await fast().fetchIds([paper(0).id, paper(1).id, '2501.99999']);
    expect([...result.records.keys()].sort()).toEqual([paper(0).id, paper(1).id]);
    expect(result.notFound).toEqual(['2501.99999']);
    expect(server.requests.map((r) => r.idList)).toEqual([
      [paper(0).id, paper(1).id, '2501.99999'],
      [paper(1).id, '2501.99999'],
    ]);
  });

  it('refuses a delay under 3 s for arxiv.org, and a batch over 100', () => {
    expect(() => new ArxivClient({ apiUrl: 'https://export.arxiv.org/api/query', delayMs: 1000 })).toThrowError(
      /3000 ms/,
    );
    expect(() => new ArxivClient({ delayMs: 2999 })).toThrowError(ArxivUsageError);
    expect(() => new ArxivClient({ batchSize: 101 })).toThrowError(/between 1 and 100/);
    expect(new ArxivClient().apiUrl).toBe('https://export.arxiv.org/api/query');
    expect(new ArxivClient().queryUrl(['2506.15740', 'hep-th/9901001'])).toBe(
      'https://export.arxiv.org/api/query?id_list=2506.15740%2Chep-th%2F9901001&start=0&max_results=2',
    );
  });

  it('caps the size of a response', async () => {
    await expect(fast({ maxBytes: 100, maxAttempts: 1 }).fetchIds([paper(0).id])).rejects.toThrowError(
      /larger than 100 bytes/,
    );
  });

  it('serves a repeated query from a one-day cache, unless refreshed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-cache-'));
    let now = Date.UTC(2026, 10, 24);
    const cache = new FileCache(dir, 24 * 3600 * 1000, () => now);
    const first = await fast({ cache }).fetchIds([paper(0).id]);
    expect(first.requests).toBe(1);
    const second = await fast({ cache }).fetchIds([paper(0).id]);
    expect(second).toMatchObject({ requests: 0, fromCache: 1 });
    expect(second.records.get(paper(0).id)?.title).toBe(first.records.get(paper(0).id)?.title);
    expect((await fast({ cache, refresh: true }).fetchIds([paper(0).id])).requests).toBe(1);
    now += 25 * 3600 * 1000;
    expect((await fast({ cache }).fetchIds([paper(0).id])).requests).toBe(1);
    expect(server.requests).toHaveLength(3);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('5', 0)).toBe(5000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27, 0))).toBe(60_000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});
