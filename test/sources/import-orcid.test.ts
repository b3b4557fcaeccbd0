/**
 * `bibfolio import orcid ID` against stand-in ORCID (public API v3.0, `/v3.0/{iD}/works`, the documented JSON shape:
 * `group[]` with `external-ids` and `work-summary`) and DOI resolver servers on 127.0.0.1. A record of 60 works: one
 * paper as a preprint and as its journal version (different identifiers, titles differing in case and punctuation),
 * a DataCite DOI, a work with no identifier, a DOI listed twice, a 429 then success; then ORCID down.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrcid } from '../../src/sources/orcid.js';
import { parseStore } from '../../src/store/parse.js';
import { cli } from '../helpers.js';

const ORCID = '0000-0002-1825-0097';
const ext = (type: string, value: string) => ({
  'external-id-type': type,
  'external-id-value': value,
  'external-id-relationship': 'self',
});
const group = (title: string, ids: ReturnType<typeof ext>[], year = '2024') => ({
  'last-modified-date': { value: 1 },
  'external-ids': { 'external-id': ids },
  'work-summary': [
    {
      'put-code': 1,
      title: { title: { value: title } },
      'external-ids': { 'external-id': ids },
      type: 'journal-article',
      'publication-date': { year: { value: year } },
    },
  ],
});

const WORKS = {
  'last-modified-date': { value: 1 },
  path: `/${ORCID}/works`,
  group: [
    ...Array.from({ length: 55 }, (_, i) =>
      group(`Paper number ${i + 1} on sampling`, [ext('doi', `10.5555/w${i + 1}`)]),
    ),
    group('Diffusion Models Converge Fast', [ext('arxiv', 'arXiv:2401.00056')], '2023'),
    group('Diffusion models converge fast!', [ext('doi', '10.5555/journal-version')]),
    group('A talk with no identifier', []),
    group('Code for the paper', [ext('doi', '10.5281/zenodo.59')]),
    group('Paper number 1 on sampling (duplicate record)', [ext('doi', 'https://doi.org/10.5555/W1')]),
  ],
};

const csl = (doi: string, title: string, type = 'article-journal', extra: Record<string, unknown> = {}) => ({
  type,
  DOI: doi,
  title,
  'container-title': type === 'article-journal' ? 'Journal of Sampling' : undefined,
  issued: { 'date-parts': [[2024, 2]] },
  author: [
    { family: 'Benton', given: 'Joe' },
    { family: 'Doucet', given: 'Arnaud' },
  ],
  ...extra,
});

let server: Server;
let base = '';
let orcidDown = false;
let throttled = false;
const served: Record<string, number> = { orcid: 0, doi: 0 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '').toLowerCase();
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/orcid/')) {
      served.orcid = (served.orcid ?? 0) + 1;
      if (orcidDown) return void res.writeHead(503, { 'retry-after': '0' }).end();
      if (path === `/orcid/v3.0/${ORCID.toLowerCase()}/works` && req.headers.accept === 'application/json')
        return json(WORKS);
      return void res.writeHead(404).end();
    }
    served.doi = (served.doi ?? 0) + 1;
    const n = /^\/doi\/10\.5555\/w(\d+)$/.exec(path);
    if (n) {
      if (n[1] === '2' && !throttled) {
        throttled = true;
        return void res.writeHead(429, { 'retry-after': '0' }).end();
      }
      return json(csl(`10.5555/w${n[1]}`, `Paper Number ${n[1]} on Sampling`));
    }
    if (path === '/doi/10.5555/journal-version')
      return json(csl('10.5555/journal-version', 'Diffusion Models Converge Fast'));
    if (path === '/doi/10.48550/arxiv.2401.00056')
      return json(
        csl('10.48550/ARXIV.2401.00056', 'Diffusion models converge fast', 'article', { publisher: 'arXiv' }),
      );
    if (path === '/doi/10.5281/zenodo.59') return json(csl('10.5281/ZENODO.59', 'Code for the paper', 'dataset'));
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const flags = () => [
  '--bib',
  'pubs.bib',
  '--orcid-url',
  `${base}/orcid`,
  '--doi-url',
  `${base}/doi`,
  '--crossref-url',
  `${base}/crossref`,
  '--delay-ms',
  '0',
  '--refresh',
];

describe('bibfolio import orcid', () => {
  it('reads an ORCID iD bare or as its URL, with its check digit', () => {
    expect(parseOrcid('https://orcid.org/0000-0002-1825-0097')).toBe(ORCID);
    expect(parseOrcid('0000-0002-1825-0098')).toBeUndefined();
  });

  it('imports every paper of a 60-work record once: preprint and journal version as one entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-orcid-'));
    writeFileSync(join(dir, 'pubs.bib'), '');
    const run = await cli(['import', 'orcid', ORCID, ...flags()], dir);
    expect(run.code, run.stderr).toBe(0);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    // 55 papers, the diffusion paper once, the dataset: 57 entries
    expect(entries).toHaveLength(57);
    const diffusion = entries.filter((e) => /diffusion/i.test(e.fields.get('title') ?? ''));
    expect(diffusion).toHaveLength(1);
    expect(diffusion[0]?.fields.get('doi')).toBe('10.5555/journal-version');
    expect(diffusion[0]?.fields.get('eprint')).toBe('2401.00056');
    expect(entries.filter((e) => e.fields.get('doi') === '10.5555/w1')).toHaveLength(1);
    expect(run.stderr).toContain('not imported: "A talk with no identifier" (no DOI or arXiv ID in ORCID)');
    expect(run.stderr).toMatch(/57 new, 2 already there, 1 not imported \(requests: ORCID 1, DOI resolver 59\)/);
    expect(run.stderr).toMatch(/HTTP 429|429/);
    // the list renders every paper once
    const list = await cli(['format', '--bib', 'pubs.bib', '-t', 'text', '--owner', 'Joe Benton'], dir);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.match(/Diffusion Models Converge Fast/g)).toHaveLength(1);
  });

  it('ORCID down: one line, nothing written, exit 1', async () => {
    orcidDown = true;
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-orcid-'));
    writeFileSync(join(dir, 'pubs.bib'), '@misc{keep, title = {Keep}}\n');
    const run = await cli(['import', 'orcid', ORCID, ...flags()], dir);
    orcidDown = false;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/HTTP 503.*nothing was written/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe('@misc{keep, title = {Keep}}\n');
  });
});

describe('bibfolio import FILE', () => {
  it('a .bib, a CSL-JSON and a RIS file: their papers added once, those the store has named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-import-file-'));
    writeFileSync(
      join(dir, 'pubs.bib'),
      '@article{mine, title = {Error Bounds for Flow Matching Methods}, author = {Benton, Joe}, journal = {TMLR}, year = 2024}\n',
    );
    writeFileSync(
      join(dir, 'old.bib'),
      '@inproceedings{x1, title = {Nearly d-Linear Convergence Bounds}, author = {Benton, Joe and Doucet, Arnaud}, booktitle = {ICLR}, year = 2024}\n@article{x2, title = {Error bounds for flow matching methods}, author = {Joe Benton}, journal = {TMLR}, year = 2024}\n',
    );
    writeFileSync(
      join(dir, 'items.json'),
      JSON.stringify([
        {
          type: 'article-journal',
          title: 'A CSL Paper About Things',
          author: [{ family: 'Benton', given: 'Joe' }],
          'container-title': 'J',
          issued: { 'date-parts': [[2021]] },
        },
      ]),
    );
    const bib = await cli(['import', 'old.bib', '--bib', 'pubs.bib'], dir);
    expect(bib.code, bib.stderr).toBe(0);
    expect(bib.stderr).toContain('old.bib: x2: already in the store as mine');
    const json = await cli(['import', 'items.json', '--bib', 'pubs.bib'], dir);
    expect(json.code, json.stderr).toBe(0);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => [e.key, e.type])).toEqual([
      ['mine', 'article'],
      ['benton2024nearly', 'inproceedings'],
      ['benton2021csl', 'article'],
    ]);
    expect(entries[1]?.fields.get('booktitle')).toBe('ICLR');
    // a RIS file (citation-js's RIS reader)
    writeFileSync(
      join(dir, 'old.ris'),
      'TY  - JOUR\nTI  - A RIS Paper About Sampling\nAU  - Benton, Joe\nJO  - Journal of Sampling\nPY  - 2022\nSP  - 1\nEP  - 20\nDO  - 10.5555/ris.1\nER  - \n',
    );
    const ris = await cli(['import', 'old.ris', '--bib', 'pubs.bib'], dir);
    expect(ris.code, ris.stderr).toBe(0);
    const added = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries.at(-1);
    expect([added?.key, added?.fields.get('journal'), added?.fields.get('pages'), added?.fields.get('doi')]).toEqual([
      'benton2022ris',
      'Journal of Sampling',
      '1--20',
      '10.5555/ris.1',
    ]);
  });
});
