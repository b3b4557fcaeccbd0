/**
 * `bibfolio import dblp PID` and `import openalex AUTHOR` against stand-ins on 127.0.0.1 answering in the documented
 * shapes: DBLP's person record list (`/pid/PID.xml`, `<dblpperson>` with one `<r>` per record; a record with a DOI
 * is fetched by it, one without from DBLP's own metadata, a CoRR record by its arXiv ID), and OpenAlex's works,
 * cursor-paged (`meta.next_cursor`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorFilter } from '../../src/sources/openalex.js';
import { parseStore } from '../../src/store/parse.js';
import { cli } from '../helpers.js';

const PERSON = `<?xml version="1.0" encoding="US-ASCII"?>
<dblpperson name="Joe Benton" pid="123/4567" n="3">
<person key="homepages/123/4567" mdate="2024-01-01"><author pid="123/4567">Joe Benton</author></person>
<r><article key="journals/jmlr/DaudelBSD23" mdate="2024-01-01">
<author pid="1/1">Kam&#233;lia Daudel</author><author pid="123/4567">Joe Benton</author>
<title>Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders.</title>
<year>2023</year><volume>24</volume><journal>J. Mach. Learn. Res.</journal><pages>243:1-243:83</pages>
<ee type="oa">https://doi.org/10.5555/jmlr.24.243</ee>
</article></r>
<r><inproceedings key="conf/iclr/BentonDD24" mdate="2024-01-01">
<author pid="123/4567">Joe Benton 0001</author><author pid="2/2">Arnaud Doucet</author>
<title>Nearly d-Linear Convergence Bounds for Diffusion Models via Stochastic Localization.</title>
<year>2024</year><booktitle>ICLR</booktitle><ee type="oa">https://openreview.net/forum?id=r5njV3BsuD</ee>
</inproceedings></r>
<r><article key="journals/corr/abs-2305-16860" mdate="2023-05-29" publtype="informal">
<author pid="123/4567">Joe Benton</author><title>Error Bounds for Flow Matching Methods.</title>
<journal>CoRR</journal><volume>abs/2305.16860</volume><year>2023</year>
</article></r>
</dblpperson>`;

const csl = (doi: string, title: string, type: string) => ({
  type,
  DOI: doi,
  title,
  issued: { 'date-parts': [[2023]] },
  author: [{ family: 'Benton', given: 'Joe' }],
});

let server: Server;
let base = '';
const cursors: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).toLowerCase();
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/dblp/pid/123/4567.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(PERSON);
    }
    if (path === '/openalex/works') {
      const cursor = url.searchParams.get('cursor') ?? '';
      cursors.push(cursor);
      expect(url.searchParams.get('filter')).toBe('author.id:A5023888391');
      if (cursor === '*')
        return json({
          meta: { next_cursor: 'page2' },
          results: [
            { title: 'Alpha-divergence VI', doi: 'https://doi.org/10.5555/jmlr.24.243', publication_year: 2023 },
          ],
        });
      if (cursor === 'page2')
        return json({
          meta: { next_cursor: 'page3' },
          results: [
            {
              title: 'Error Bounds for Flow Matching Methods',
              doi: null,
              locations: [{ landing_page_url: 'https://arxiv.org/abs/2305.16860' }],
            },
            { title: 'A poster with no identifier', doi: null, locations: [] },
          ],
        });
      return json({ meta: { next_cursor: null }, results: [] });
    }
    if (path === '/doi/10.5555/jmlr.24.243')
      return json({
        ...csl(
          '10.5555/jmlr.24.243',
          'Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders',
          'article-journal',
        ),
        'container-title': 'Journal of Machine Learning Research',
      });
    if (path === '/doi/10.48550/arxiv.2305.16860')
      return json(csl('10.48550/ARXIV.2305.16860', 'Error Bounds for Flow Matching Methods', 'article'));
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-import-'));
  writeFileSync(join(dir, 'pubs.bib'), '');
  return dir;
}

const common = () => [
  '--bib',
  'pubs.bib',
  '--doi-url',
  `${base}/doi`,
  '--crossref-url',
  `${base}/crossref`,
  '--delay-ms',
  '0',
  '--refresh',
];

describe('bibfolio import dblp', () => {
  it("a person's records: by DOI, from DBLP's metadata, and a CoRR record by its arXiv ID", async () => {
    const dir = project();
    const run = await cli(
      ['import', 'dblp', 'https://dblp.org/pid/123/4567.html', '--dblp-url', `${base}/dblp`, ...common()],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => e.type)).toEqual(['article', 'inproceedings', 'article']);
    expect(entries[0]?.fields.get('journal')).toBe('Journal of Machine Learning Research');
    expect(entries[1]?.fields.get('booktitle')).toBe('ICLR');
    expect(entries[1]?.fields.get('author')).toBe('Benton, Joe and Doucet, Arnaud');
    expect(entries[1]?.fields.get('title')).toBe(
      'Nearly d-Linear Convergence Bounds for Diffusion Models via Stochastic Localization',
    );
    expect(entries[2]?.fields.get('eprint')).toBe('2305.16860');
    expect(run.stderr).toMatch(/3 new, 0 already there, 0 not imported \(requests: DBLP 1, DOI resolver 2\)/);
  });
});

describe('bibfolio import openalex', () => {
  it('reads an author or an ORCID iD as the filter', () => {
    expect(authorFilter('https://openalex.org/A5023888391')).toBe('author.id:A5023888391');
    expect(authorFilter('0000-0002-1825-0097')).toBe('author.orcid:0000-0002-1825-0097');
    expect(authorFilter('nobody')).toBeUndefined();
  });

  it("an author's works over every page, each by DOI or arXiv ID; one without either named", async () => {
    const dir = project();
    const run = await cli(
      ['import', 'openalex', 'A5023888391', '--openalex-url', `${base}/openalex`, ...common()],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(cursors.slice(-3)).toEqual(['*', 'page2', 'page3']);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => e.fields.get('doi') ?? e.fields.get('eprint'))).toEqual([
      '10.5555/jmlr.24.243',
      '2305.16860',
    ]);
    expect(run.stderr).toContain('not imported: "A poster with no identifier" (no DOI or arXiv ID in OpenAlex)');
  });
});
