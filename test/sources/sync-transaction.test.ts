/**
 * `bibfolio sync` is one transaction with one report: new papers from the owner's ORCID record, arXiv and the venues
 * edit the store in memory, one after the other, and the store is written once at the end; when any step fails for
 * good (a service down) nothing is written and the exit status is 1, the failure named in the report. Stand-in
 * services on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { parseStore } from '../../src/store/parse.js';
import { cli } from '../helpers.js';

const ORCID = '0000-0002-1825-0097';
const NEW_PAPER = {
  type: 'article-journal',
  DOI: '10.5555/new',
  title: 'A Paper Only ORCID Knows',
  'container-title': 'Journal of Sampling',
  issued: { 'date-parts': [[2025, 2]] },
  author: [{ family: 'Benton', given: 'Joe' }],
};
/** A preprint the arXiv step fills in. */
const STORE = `@misc{benton2024old,
  title = {Old Title},
  author = {Benton, Joe},
  year = {2024},
  eprint = {2409.00001},
  archivePrefix = {arXiv}
}
`;

let server: Server;
let base = '';
let venuesDown = false;
const arxiv = new FakeArxiv([
  {
    id: '2409.00001',
    title: 'The Title arXiv Has Now',
    authors: ['Joe Benton'],
    published: '2024-09-01T00:00:00Z',
    primary: 'stat.ML',
  },
]);

beforeAll(async () => {
  await arxiv.start();
  server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (path === `/orcid/v3.0/${ORCID}/works`)
      return void res.end(
        JSON.stringify({
          group: [
            {
              'external-ids': { 'external-id': [{ 'external-id-type': 'doi', 'external-id-value': '10.5555/new' }] },
              'work-summary': [{ title: { title: { value: 'A Paper Only ORCID Knows' } } }],
            },
          ],
        }),
      );
    if (path === '/doi/10.5555/new') return void res.end(JSON.stringify(NEW_PAPER));
    // the same paper in the owner's DBLP record (its title as DBLP writes it) and in OpenAlex
    if (path === '/dblp/pid/123/4567.xml') {
      res.setHeader('content-type', 'application/xml');
      return void res.end(`<?xml version="1.0" encoding="US-ASCII"?>
<dblpperson name="Joe Benton" pid="123/4567" n="1">
<r><article key="journals/js/Benton25" mdate="2025-03-01">
<author pid="123/4567">Joe Benton</author><title>A paper only ORCID knows.</title>
<year>2025</year><journal>J. Sampling</journal><ee>https://doi.org/10.5555/NEW</ee>
</article></r>
</dblpperson>`);
    }
    if (path.startsWith('/openalex/works'))
      return void res.end(
        JSON.stringify({
          meta: { next_cursor: null },
          results: [{ title: 'A Paper Only ORCID Knows', doi: 'https://doi.org/10.5555/new', publication_year: 2025 }],
        }),
      );
    if (path.startsWith('/s2/')) {
      if (venuesDown) return void res.writeHead(503, { 'retry-after': '0' }).end('{"message":"down"}');
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => res.end(JSON.stringify((JSON.parse(body) as { ids: string[] }).ids.map(() => null))));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await arxiv.stop();
  await new Promise<void>((done) => server.close(() => done()));
});

function project(owner: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-sync-all-'));
  writeFileSync(join(dir, 'pubs.bib'), STORE);
  writeFileSync(
    join(dir, 'bibfolio.config.json'),
    JSON.stringify({
      owner: { name: 'Joe Benton', orcid: ORCID, ...owner },
      store: 'pubs.bib',
      sources: {
        doiUrl: `${base}/doi`,
        crossrefUrl: `${base}/crossref`,
        dataciteUrl: `${base}/datacite`,
        orcidUrl: `${base}/orcid`,
        openalexUrl: `${base}/openalex`,
        dblpUrl: `${base}/dblp`,
        semanticScholarUrl: `${base}/s2`,
        arxivUrl: arxiv.url,
        delayMs: 0,
      },
    }),
  );
  return dir;
}

describe('bibfolio sync: one transaction, one report', () => {
  it('every step edits the store in memory; the store is written once with all their changes', async () => {
    venuesDown = false;
    const dir = project();
    const run = await cli(['sync'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /== new papers from ORCID[\s\S]*== arXiv[\s\S]*== venues[\s\S]*== sync: pubs\.bib written once/,
    );
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => e.key)).toEqual(['benton2024old', 'benton2025paper']);
    // arXiv filled in what the store lacked; the title the owner wrote is theirs
    expect(entries[0]?.fields.get('primaryclass')).toBe('stat.ML');
    expect(entries[0]?.fields.get('title')).toBe('Old Title');
    // a second run finds nothing to change, and says so
    const again = await cli(['sync'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('== sync: nothing to change');
  });

  it('the same paper from three profiles (ORCID, DBLP, OpenAlex) in one sync: one entry', async () => {
    venuesDown = false;
    const dir = project({ dblp: '123/4567', openalex: 'A5023888391' });
    const run = await cli(['sync', '--refresh'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/== new papers from DBLP 123\/4567\n[^=]*already in the store as benton2025paper/);
    expect(run.stderr).toMatch(/== new papers from OpenAlex A5023888391\n[^=]*already in the store as benton2025paper/);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => e.key)).toEqual(['benton2024old', 'benton2025paper']);
  });

  it('--dry-run prints one diff with every step’s changes and writes nothing', async () => {
    venuesDown = false;
    const dir = project();
    const run = await cli(['sync', '--dry-run'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.match(/^--- pubs\.bib/gm)).toHaveLength(1);
    expect(run.stdout).toContain('+  primaryClass = {stat.ML},');
    expect(run.stdout).toContain('+@article{benton2025paper,');
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe(STORE);
  });

  it('a step that fails for good: nothing written (not even the steps before it), exit 1, the failure named', async () => {
    venuesDown = true;
    const dir = project();
    // --refresh: the venues are asked again, not read from the one-day cache of the runs above
    const run = await cli(['sync', '--refresh'], dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^failed: .*HTTP 503/m);
    expect(run.stderr).toContain('sync: venues failed (above); nothing was written, the store is as it was');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe(STORE);
    expect(existsSync(join(dir, 'pubs.bib.lock'))).toBe(false);
  });

  it('--json: one document with each step’s report and what failed', async () => {
    venuesDown = false;
    const dir = project();
    const run = await cli(['sync', '--json', '--dry-run'], dir);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      steps: Record<string, unknown>;
      failed: unknown[];
      changed: boolean;
      written: boolean;
      diff?: string;
    };
    expect(Object.keys(report.steps)).toEqual([`new papers from ORCID ${ORCID}`, 'arXiv', 'venues']);
    expect(report.failed).toEqual([]);
    expect(report.changed).toBe(true);
    expect(report.written).toBe(false);
    expect(report.diff).toContain('+@article{benton2025paper,');
  });
});
