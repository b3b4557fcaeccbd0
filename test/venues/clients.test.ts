/**
 * The three venue clients against the fake services on 127.0.0.1, failures included: batch sizes, spacing, the key
 * header only when set, retries on 429 (Retry-After) and 5xx, a stalled or cut-off body, `null` entries, 404s, the
 * cache, and the delay rule for the real hosts. No real network.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastTransport } from '../helpers.js';
import { FileCache } from '../../src/arxiv/cache.js';
import { CrossrefClient } from '../../src/venues/crossref.js';
import { DblpClient } from '../../src/venues/dblp.js';
import { SemanticScholarClient } from '../../src/venues/semantic-scholar.js';
import { SourceError, SourceUsageError, type SourceClientOptions } from '../../src/venues/source-client.js';
import { embeddedVenues, FakeVenues, fixtureJson } from './fake-venues.js';

let fake: FakeVenues;
beforeEach(async () => {
  fake = embeddedVenues(await new FakeVenues().start());
});
afterEach(async () => {
  await fake.stop();
});

const fast = (extra: Partial<SourceClientOptions> = {}): SourceClientOptions => ({ ...fastTransport(), ...extra });
const s2 = (extra: Partial<SourceClientOptions> & { apiKey?: string; batchSize?: number } = {}) =>
  new SemanticScholarClient({ baseUrl: fake.s2Url, ...fast(extra), ...extra });

describe('SemanticScholarClient', () => {
  it('POSTs batches of at most the batch size to /paper/batch with the fields, spaced, and keeps order and nulls', async () => {
    const ids = ['arXiv:2507.14417', 'arXiv:9999.99999', 'arXiv:2506.22777', 'DOI:10.1/none', 'arXiv:2505.05410'];
    const papers = await s2({ batchSize: 2, delayMs: 300 }).papers(ids);
    expect(fake.requests.map((r) => r.ids?.length)).toEqual([2, 2, 1]);
    expect(fake.requests[0]?.path).toBe(
      '/graph/v1/paper/batch?fields=title,externalIds,venue,publicationVenue,journal,year,publicationDate,publicationTypes,citationCount',
    );
    const at = fake.requests.map((r) => r.at);
    for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(250);
    expect(papers.get('arXiv:2507.14417')?.externalIds?.DBLP).toBe('journals/tmlr/GemaHCAGFSPMAMCBP25');
    expect(papers.get('arXiv:9999.99999')).toBeNull();
    expect(papers.get('DOI:10.1/none')).toBeNull();
    expect(fake.requests[0]?.userAgent).toMatch(/^bibfolio\//);
  });

  it('asks 501 IDs in two requests (the API takes 500 at most)', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `arXiv:2501.${String(10000 + i)}`);
    await s2({ delayMs: 0 }).papers(ids);
    expect(fake.requests.map((r) => r.ids?.length)).toEqual([500, 1]);
  });

  it('sends the API key header only when one is set', async () => {
    await s2().papers(['arXiv:2507.14417']);
    await s2({ apiKey: 'secret-key', refresh: true }).papers(['arXiv:2507.14417']);
    expect(fake.requests.map((r) => r.apiKey)).toEqual([undefined, 'secret-key']);
  });

  it('waits as a 429 Retry-After says, retries a 503, and gets the answer', async () => {
    fake.failures.s2.push({ kind: 'status', status: 429, retryAfter: '1' }, { kind: 'status', status: 503 });
    const waits: number[] = [];
    const papers = await s2({ onRetry: ({ waitMs }) => waits.push(waitMs) }).papers(['arXiv:2507.14417']);
    expect(fake.requests).toHaveLength(3);
    expect(waits[0]).toBe(1000);
    expect(papers.get('arXiv:2507.14417')).not.toBeNull();
  });

  it.each([
    ['a stalled body', { kind: 'stall', ms: 2000 } as const],
    ['a cut-off body', { kind: 'truncate' } as const],
    ['a reset connection', { kind: 'reset' } as const],
  ])('retries %s, and fails for good with one line when it never ends', async (_, failure) => {
    fake.failures.s2.push(failure);
    expect((await s2().papers(['arXiv:2507.14417'])).get('arXiv:2507.14417')).not.toBeNull();
    fake.failures.s2.push(failure, failure, failure, failure);
    await expect(s2({ refresh: true }).papers(['arXiv:2507.14417'])).rejects.toThrow(
      /^Semantic Scholar request failed after 4 attempts: /,
    );
  });

  it('caches a batch for a day in the cache folder, and --refresh asks again', async () => {
    const cache = new FileCache(mkdtempSync(join(tmpdir(), 'bibfolio-venue-cache-')));
    const first = s2({ cache });
    await first.papers(['arXiv:2507.14417']);
    const second = s2({ cache });
    expect((await second.papers(['arXiv:2507.14417'])).get('arXiv:2507.14417')).toEqual(
      fixtureJson('semantic-scholar/inverse-scaling-tmlr-dblp-key.json'),
    );
    expect(second.fromCache).toBe(1);
    await s2({ cache, refresh: true }).papers(['arXiv:2507.14417']);
    expect(fake.requests).toHaveLength(2);
  });

  it('refuses an answer that is not a list as long as the request', async () => {
    const { parseBatch } = await import('../../src/venues/semantic-scholar.js');
    expect(() => parseBatch('[null]', 2)).toThrow(SourceError);
    expect(() => parseBatch('{"error": "x"}', 1)).toThrow(/no list of papers/);
  });

  it('refuses a delay below 3000 ms for the real host, before any request', () => {
    expect(() => new SemanticScholarClient({ delayMs: 100 })).toThrow(SourceUsageError);
    expect(() => new SemanticScholarClient({ delayMs: 100 })).toThrow(/at least 3000 ms .* api\.semanticscholar\.org/);
    expect(() => new DblpClient({ delayMs: 0 })).toThrow(/dblp\.org/);
    expect(() => new CrossrefClient({ delayMs: 0 })).toThrow(/api\.crossref\.org/);
  });
});

describe('DblpClient', () => {
  const dblp = (extra: Partial<SourceClientOptions> = {}) => new DblpClient({ baseUrl: fake.dblpUrl, ...fast(extra) });

  it('reads a record: type, authors without homonym numbers, venue, year, pages; a DOI from an ee link', async () => {
    const record = await dblp().record('journals/jmlr/DaudelBSD23');
    expect(fake.requests[0]?.path).toBe('/dblp/rec/journals/jmlr/DaudelBSD23.xml');
    expect(record).toEqual({
      key: 'journals/jmlr/DaudelBSD23',
      type: 'article',
      authors: ['Kamélia Daudel', 'Joe Benton', 'Yuyang Shi', 'Arnaud Doucet'],
      title:
        'Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics',
      journal: 'J. Mach. Learn. Res.',
      year: '2023',
      volume: '24',
      pages: '243:1-243:83',
    });
  });

  it('answers undefined for a key DBLP does not have (404), and refuses what is not a key', async () => {
    expect(await dblp().record('conf/none/Nobody99')).toBeUndefined();
    await expect(dblp().record('../../etc/passwd?')).rejects.toThrow(/is not a DBLP key/);
  });

  it('retries a 503 and refuses a cut-off record with one line', async () => {
    fake.failures.dblp.push({ kind: 'status', status: 503 });
    expect((await dblp().record('journals/jmlr/DaudelBSD23'))?.volume).toBe('24');
    fake.dblp.set('conf/cut/Off', '<dblp><article key="conf/cut/Off"><title>Cut');
    await expect(dblp().record('conf/cut/Off')).rejects.toThrow(
      /DBLP's (record|answer) .* (is not XML|holds no record)/,
    );
  });
});

describe('CrossrefClient', () => {
  const crossref = (extra: Partial<SourceClientOptions> & { mailto?: string } = {}) =>
    new CrossrefClient({ baseUrl: fake.crossrefUrl, ...fast(extra), ...extra });

  it('reads a work with its relation, and sends the mailto for the polite pool', async () => {
    const work = await crossref({ mailto: 'joe@example.org' }).work('10.1093/jrsssb/qkae005');
    expect(fake.requests[0]?.path).toBe('/crossref/works/10.1093%2Fjrsssb%2Fqkae005?mailto=joe%40example.org');
    expect(work).toMatchObject({
      doi: '10.1093/jrsssb/qkae005',
      type: 'journal-article',
      containerTitle: 'Journal of the Royal Statistical Society Series B: Statistical Methodology',
      volume: '86',
      issue: '2',
      pages: '286-301',
      year: '2024',
      hasPreprint: ['10.48550/arxiv.2211.03595'],
    });
  });

  it('answers undefined for an unknown DOI (404 "Resource not found.")', async () => {
    expect(await crossref().work('10.9999/unknown')).toBeUndefined();
  });
});
