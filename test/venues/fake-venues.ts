/**
 * Fake Semantic Scholar, DBLP and Crossref for the tests: one real HTTP server on 127.0.0.1 answering the three
 * services' endpoints in their documented shapes (test/fixtures/venues/), with failures to inject per service: a
 * status with Retry-After, a stalled or truncated body, a reset connection, `null` entries in a batch. It records every
 * request: service, time, path, body and the API key header.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export type Service = 's2' | 'dblp' | 'crossref';

export type VenueFailure =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'stall'; readonly ms: number }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'reset' };

export interface VenueRequest {
  readonly service: Service;
  readonly at: number;
  readonly path: string;
  readonly ids?: readonly string[];
  readonly apiKey?: string;
  readonly userAgent?: string;
}

const FIXTURES = join(ROOT, 'test/fixtures/venues');
export const fixtureJson = <T>(path: string): T => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;
export const fixtureText = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

const normalId = (id: string) =>
  id
    .replace(/^arxiv:/i, 'arxiv:')
    .replace(/^doi:/i, 'doi:')
    .toLowerCase();

export class FakeVenues {
  readonly requests: VenueRequest[] = [];
  readonly failures: Record<Service, VenueFailure[]> = { s2: [], dblp: [], crossref: [] };
  /** By `arXiv:ID` or `DOI:...` (case folded). */
  readonly papers = new Map<string, unknown>();
  /** By DBLP key: the record's XML. */
  readonly dblp = new Map<string, string>();
  /** By DOI (case folded): the work's JSON text. */
  readonly crossref = new Map<string, string>();
  private server: Server | undefined;

  paper(id: string, fixture: unknown): this {
    this.papers.set(normalId(id), fixture);
    return this;
  }

  get base(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }
  get s2Url(): string {
    return `${this.base}/graph/v1`;
  }
  get dblpUrl(): string {
    return `${this.base}/dblp`;
  }
  get crossrefUrl(): string {
    return `${this.base}/crossref`;
  }
  /** The CLI flags that point bibfolio here. */
  flags(): string[] {
    return [
      '--semantic-scholar-url',
      this.s2Url,
      '--dblp-url',
      this.dblpUrl,
      '--crossref-url',
      this.crossrefUrl,
      '--delay-ms',
      '0',
    ];
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const at = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res, at));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse, at: number): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const service: Service | undefined = url.pathname.startsWith('/graph/v1/')
      ? 's2'
      : url.pathname.startsWith('/dblp/')
        ? 'dblp'
        : url.pathname.startsWith('/crossref/')
          ? 'crossref'
          : undefined;
    if (!service) {
      res.writeHead(404).end('not found');
      return;
    }
    let ids: string[] | undefined;
    if (service === 's2') {
      try {
        ids = (JSON.parse(body) as { ids: string[] }).ids;
      } catch {
        ids = undefined;
      }
    }
    const apiKey = req.headers['x-api-key'];
    this.requests.push({
      service,
      at,
      path: url.pathname + url.search,
      ...(ids ? { ids } : {}),
      ...(typeof apiKey === 'string' ? { apiKey } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    });
    const failure = this.failures[service].shift();
    if (failure) return this.fail(failure, res, service === 'dblp' ? 'application/xml' : 'application/json');
    if (service === 's2') return this.batch(req, url, ids, res);
    if (service === 'dblp') {
      const key = /^\/dblp\/rec\/(.+)\.xml$/.exec(url.pathname)?.[1];
      const xml = key ? this.dblp.get(key) : undefined;
      if (!xml) {
        res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Error 404: Not Found</body></html>');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' }).end(xml);
      return;
    }
    const doi = decodeURIComponent(/^\/crossref\/works\/(.+)$/.exec(url.pathname)?.[1] ?? '').toLowerCase();
    const work = this.crossref.get(doi);
    if (!work) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Resource not found.');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(work);
  }

  private batch(req: IncomingMessage, url: URL, ids: string[] | undefined, res: ServerResponse): void {
    if (req.method !== 'POST' || !ids || !url.searchParams.get('fields')) {
      res
        .writeHead(400, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: 'Unrecognized or unsupported fields' }));
      return;
    }
    if (ids.length > 500) {
      res
        .writeHead(400, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: 'Cannot process more than 500 ids' }));
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(ids.map((id) => this.papers.get(normalId(id)) ?? null)));
  }

  private fail(failure: VenueFailure, res: ServerResponse, type: string): void {
    switch (failure.kind) {
      case 'status':
        res.writeHead(failure.status, {
          'Content-Type': 'application/json',
          ...(failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {}),
        });
        res.end(
          JSON.stringify({
            message: 'Too Many Requests. Please wait and try again or apply for a key for higher rate limits.',
            code: String(failure.status),
          }),
        );
        return;
      case 'stall':
        res.writeHead(200, { 'Content-Type': type });
        res.write(type === 'application/json' ? '[' : '<?xml version="1.0"?>\n<dblp>');
        setTimeout(() => res.destroy(), failure.ms);
        return;
      case 'truncate': {
        const body =
          type === 'application/json' ? '[{"paperId": "abc", "title": "Cut' : '<dblp><article key="x"><title>Cut';
        res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length * 4) });
        res.write(body);
        setTimeout(() => res.destroy(), 10);
        return;
      }
      case 'reset':
        res.socket?.destroy();
        return;
    }
  }
}

/** The fakes as the end-to-end case has them, for the embedded store. */
export function embeddedVenues(fake: FakeVenues): FakeVenues {
  fake
    .paper('arXiv:2507.14417', fixtureJson('semantic-scholar/inverse-scaling-tmlr-dblp-key.json'))
    .paper('arXiv:2506.22777', fixtureJson('semantic-scholar/verbalize-reward-hacking-workshop-venue-only.json'))
    .paper('arXiv:2505.05410', fixtureJson('semantic-scholar/preprint-corr-key-only.json'))
    .paper('arXiv:2210.06226', fixtureJson('semantic-scholar/alpha-divergence-jmlr-doi.json'));
  fake.dblp.set('journals/tmlr/GemaHCAGFSPMAMCBP25', fixtureText('dblp/journals-tmlr-GemaHCAGFSPMAMCBP25.xml'));
  fake.dblp.set('journals/jmlr/DaudelBSD23', fixtureText('dblp/journals-jmlr-DaudelBSD23.xml'));
  fake.crossref.set('10.1093/jrsssb/qkae005', fixtureText('crossref/jrsssb-denoising-has-preprint.json'));
  return fake;
}
