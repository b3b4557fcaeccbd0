/**
 * A fake arXiv API for the tests: a real HTTP server on 127.0.0.1 that answers `id_list` queries with Atom feeds
 * shaped like arXiv's (element order shuffled, line breaks in titles, results in any order, missing IDs left out,
 * a 400 "Error" feed for a malformed ID), and that can be told to fail: 429 or 503 with Retry-After, a stalled
 * response, a truncated body, a reset connection. It records every request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArxivId } from '../../src/model/arxiv-id.js';

export interface FakePaper {
  readonly id: string;
  readonly version?: number;
  readonly title: string;
  readonly authors: readonly string[];
  readonly published: string;
  readonly updated?: string;
  readonly summary?: string;
  readonly doi?: string;
  readonly journalRef?: string;
  readonly primary?: string;
}

export type Failure =
  | { readonly kind: 'status'; readonly status: 400 | 429 | 500 | 502 | 503 | 504; readonly retryAfter?: string }
  | { readonly kind: 'stall'; readonly ms: number }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'garbage' };

export interface RecordedRequest {
  readonly at: number;
  readonly url: string;
  readonly idList: readonly string[];
  readonly maxResults: string | null;
  readonly userAgent: string | undefined;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Breaks a title across lines with runs of spaces, as arXiv does. */
function wrapped(text: string): string {
  const words = escapeXml(text).split(' ');
  return words.length > 4 ? `${words.slice(0, 4).join(' ')}\n  ${words.slice(4).join('  ')}` : words.join(' ');
}

export function entryXml(paper: FakePaper, order = 0): string {
  const v = paper.version ?? 1;
  const parts = [
    `    <id>http://arxiv.org/abs/${paper.id}v${v}</id>`,
    `    <title>${wrapped(paper.title)}</title>`,
    `    <updated>${paper.updated ?? paper.published}</updated>`,
    `    <link href="https://arxiv.org/abs/${paper.id}v${v}" rel="alternate" type="text/html"/>`,
    `    <summary>  ${escapeXml(paper.summary ?? 'An abstract.')}\n</summary>`,
    `    <category term="${escapeXml(paper.primary ?? 'cs.LG')}" scheme="http://arxiv.org/schemas/atom"/>`,
    `    <published>${paper.published}</published>`,
    `    <arxiv:primary_category term="${escapeXml(paper.primary ?? 'cs.LG')}"/>`,
    ...(paper.doi ? [`    <arxiv:doi>${escapeXml(paper.doi)}</arxiv:doi>`] : []),
    ...(paper.journalRef ? [`    <arxiv:journal_ref>${escapeXml(paper.journalRef)}</arxiv:journal_ref>`] : []),
  ];
  const authors = paper.authors.map((a) => `    <author>\n      <name>${escapeXml(a)}</name>\n    </author>`);
  // element order is not fixed in the real API (authors keep their own order)
  const ordered = order % 2 === 1 ? [...authors, ...parts.reverse()] : [...parts, ...authors];
  return `  <entry>\n${ordered.join('\n')}\n  </entry>`;
}

export function feedXml(papers: readonly FakePaper[]): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query</title>
  <updated>2026-11-24T00:00:00Z</updated>
  <opensearch:itemsPerPage>${papers.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${papers.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
${papers.map((p, i) => entryXml(p, i)).join('\n')}
</feed>
`;
}

function errorFeed(id: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/</id>
  <title>arXiv Search Results</title>
  <entry>
    <id>https://arxiv.org/api/errors#incorrect_id_format_for_${id}</id>
    <title>Error</title>
    <summary>incorrect id format for ${id}</summary>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>
`;
}

export class FakeArxiv {
  readonly requests: RecordedRequest[] = [];
  /** Failures to serve, one per request, before serving normally. */
  readonly failures: Failure[] = [];
  /** IDs left out of the next response that asks for them (arXiv's occasional misses). */
  readonly missOnce = new Set<string>();
  private readonly papers = new Map<string, FakePaper>();
  private server: Server | undefined;

  constructor(papers: readonly FakePaper[] = []) {
    for (const p of papers) this.papers.set(p.id, p);
  }

  set(paper: FakePaper): void {
    this.papers.set(paper.id, paper);
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/api/query`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const idList = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    this.requests.push({
      at: performance.now(),
      url: url.pathname + url.search,
      idList,
      maxResults: url.searchParams.get('max_results'),
      userAgent: req.headers['user-agent'],
    });
    const failure = this.failures.shift();
    if (failure) return this.fail(failure, res);
    const bad = idList.find((id) => !parseArxivId(id));
    if (bad) {
      res.writeHead(400, { 'Content-Type': 'application/atom+xml' });
      res.end(errorFeed(bad));
      return;
    }
    const found: FakePaper[] = [];
    for (const id of idList) {
      const bare = parseArxivId(id)?.id ?? id;
      if (this.missOnce.delete(bare)) continue;
      const paper = this.papers.get(bare);
      if (paper) found.push(paper);
    }
    found.reverse(); // results come in any order
    const max = Number(url.searchParams.get('max_results') ?? '10');
    res.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    res.end(feedXml(found.slice(0, max)));
  }

  private fail(failure: Failure, res: ServerResponse): void {
    switch (failure.kind) {
      case 'status':
        res.writeHead(failure.status, failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {});
        res.end(`<html><body>${failure.status}</body></html>`);
        return;
      case 'stall':
        res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
        res.write('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">');
        setTimeout(() => res.destroy(), failure.ms);
        return;
      case 'truncate': {
        const body = feedXml([...this.papers.values()]);
        res.writeHead(200, {
          'Content-Type': 'application/atom+xml',
          'Content-Length': String(Buffer.byteLength(body)),
        });
        res.write(body.slice(0, Math.floor(body.length / 2)));
        setTimeout(() => res.destroy(), 10);
        return;
      }
      case 'reset':
        res.socket?.destroy();
        return;
      case 'garbage':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Service temporarily unavailable</body>');
        return;
    }
  }
}
