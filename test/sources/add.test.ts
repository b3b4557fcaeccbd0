/**
 * `bibfolio add ID...` against a stand-in DOI resolver and Crossref on 127.0.0.1, answering as the real ones do
 * (content negotiation, https://citation.crosscite.org/docs.html): CSL-JSON from Crossref and DataCite (an arXiv
 * DOI, a Zenodo dataset), a redirect to the agency, 404 for an unknown DOI, 406 from a resolver that cannot
 * negotiate (then Crossref's REST API, and DataCite's REST API in its JSON:API shape), and a service that stays down
 * (nothing written, exit 1).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStore } from '../../src/store/parse.js';
import { cli } from '../helpers.js';

const CSL = 'application/vnd.citationstyles.csl+json';

/** Crossref's CSL-JSON for a journal article (the shape api.crossref.org's transform writes). */
const JRSSB = {
  type: 'article-journal',
  DOI: '10.1093/jrsssb/qkae005',
  title: 'From Denoising Diffusions to Denoising Markov Models',
  'container-title': 'Journal of the Royal Statistical Society Series B: Statistical Methodology',
  publisher: 'Oxford University Press (OUP)',
  volume: '86',
  issue: '2',
  page: '286-301',
  issued: { 'date-parts': [[2024, 1, 30]] },
  author: [
    { family: 'Benton', given: 'Joe', sequence: 'first' },
    { family: 'Shi', given: 'Yuyang', sequence: 'additional' },
    { family: 'De Bortoli', given: 'Valentin', sequence: 'additional' },
  ],
};
/** DataCite's CSL-JSON for an arXiv DOI (type "article", publisher arXiv, the DOI upper-cased). */
const ARXIV = {
  type: 'article',
  id: 'https://doi.org/10.48550/arxiv.2506.15740',
  DOI: '10.48550/ARXIV.2506.15740',
  title: 'SHADE-Arena: Evaluating Sabotage and Monitoring in LLM Agents',
  publisher: 'arXiv',
  issued: { 'date-parts': [[2025]] },
  author: [
    { family: 'Kutasov', given: 'Jonathan' },
    { family: 'Benton', given: 'Joe' },
  ],
  URL: 'https://arxiv.org/abs/2506.15740',
};
const ZENODO = {
  type: 'dataset',
  DOI: '10.5281/ZENODO.1234567',
  title: 'Code for "Error Bounds for Flow Matching Methods"',
  publisher: 'Zenodo',
  issued: { 'date-parts': [[2023, 5]] },
  author: [{ family: 'Benton', given: 'Joe' }],
};
/** A work in Crossref's REST shape (`message`), for a DOI the resolver cannot negotiate. */
const CROSSREF_MESSAGE = {
  status: 'ok',
  message: {
    DOI: '10.7777/medra.1',
    type: 'journal-article',
    title: ['A Paper from Another Agency'],
    'container-title': ['Rivista di Statistica'],
    issued: { 'date-parts': [[2022, 3]] },
    author: [{ family: 'Benton', given: 'Joe' }],
  },
};

/** DataCite's REST API answer (`GET /dois/{DOI}`, JSON:API), as api.datacite.org writes it. */
const DATACITE_ZENODO = {
  data: {
    id: '10.5281/zenodo.7654321',
    type: 'dois',
    attributes: {
      doi: '10.5281/zenodo.7654321',
      identifiers: [],
      creators: [
        {
          name: 'Benton, Joe',
          nameType: 'Personal',
          givenName: 'Joe',
          familyName: 'Benton',
          affiliation: [],
          nameIdentifiers: [],
        },
        { name: 'Oxford Statistics', nameType: 'Organizational', affiliation: [], nameIdentifiers: [] },
      ],
      titles: [{ title: 'Diffusion Samplers: Reference Implementations' }],
      publisher: 'Zenodo',
      container: {},
      publicationYear: 2024,
      dates: [
        { date: '2024-03-04', dateType: 'Issued' },
        { date: '2024-03-05', dateType: 'Updated' },
      ],
      types: {
        ris: 'COMP',
        bibtex: 'misc',
        citeproc: 'article',
        schemaOrg: 'SoftwareSourceCode',
        resourceTypeGeneral: 'Software',
      },
      url: 'https://zenodo.org/records/7654321',
    },
  },
};
const DATACITE_PAPER = {
  data: {
    id: '10.7777/dc.2',
    type: 'dois',
    attributes: {
      doi: '10.7777/dc.2',
      creators: [{ name: 'Benton, Joe', nameType: 'Personal' }],
      titles: [{ title: 'A Conference Paper Registered with DataCite' }],
      publisher: { name: 'PMLR' },
      container: {
        type: 'Series',
        title: 'Proceedings of Machine Learning Research',
        volume: '235',
        firstPage: '10',
        lastPage: '20',
      },
      publicationYear: '2023',
      types: { resourceTypeGeneral: 'ConferencePaper' },
    },
  },
};

let server: Server;
let base = '';
const requests: { path: string; accept: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    // DOIs are case-insensitive, at the resolver as everywhere
    const path = decodeURIComponent(req.url ?? '').toLowerCase();
    requests.push({ path, accept: req.headers.accept });
    const json = (body: unknown, type = CSL) => {
      res.writeHead(200, { 'content-type': type });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/crossref/works/10.7777/medra.1')) return json(CROSSREF_MESSAGE, 'application/json');
    if (path === '/datacite-api/dois/10.5281/zenodo.7654321') return json(DATACITE_ZENODO, 'application/vnd.api+json');
    if (path === '/datacite-api/dois/10.7777/dc.2') return json(DATACITE_PAPER, 'application/vnd.api+json');
    if (path.startsWith('/crossref/') || path.startsWith('/datacite-api/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"status":"404"}]}');
      return;
    }
    // a resolver whose redirect lost the Accept header: the landing page, not metadata
    if (path === '/10.7777/dc.2') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Landing page</title>');
      return;
    }
    if (req.headers.accept !== CSL) {
      res.writeHead(406).end();
      return;
    }
    if (path === '/10.1093/jrsssb/qkae005') return json(JRSSB);
    // the resolver sends the client on to the agency
    if (path === '/10.48550/arxiv.2506.15740') {
      res.writeHead(302, { location: `${base}/datacite/10.48550/arxiv.2506.15740` }).end();
      return;
    }
    if (path === '/datacite/10.48550/arxiv.2506.15740') return json(ARXIV);
    if (path === '/10.5281/zenodo.1234567') return json(ZENODO);
    if (path === '/10.7777/medra.1' || path === '/10.5281/zenodo.7654321') {
      res.writeHead(406).end();
      return;
    }
    if (path === '/10.1000/down') {
      res.writeHead(503, { 'retry-after': '0' }).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('DOI Not Found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function project(store = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-add-'));
  writeFileSync(join(dir, 'pubs.bib'), store);
  return dir;
}

const flags = () => [
  '--bib',
  'pubs.bib',
  '--doi-url',
  base,
  '--crossref-url',
  `${base}/crossref`,
  '--datacite-url',
  `${base}/datacite-api`,
  '--delay-ms',
  '0',
];

describe('bibfolio add', () => {
  it('adds a journal article by DOI in every written form, once, as a clean entry', async () => {
    const dir = project();
    const run = await cli(['add', 'https://doi.org/10.1093/jrsssb/qkae005', ...flags()], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('added benton2024denoising (https://doi.org/10.1093/jrsssb/qkae005)');
    const text = readFileSync(join(dir, 'pubs.bib'), 'utf8');
    const entry = parseStore(text).entries[0];
    expect(entry?.type).toBe('article');
    expect(entry?.fields.get('author')).toBe('Benton, Joe and Shi, Yuyang and De Bortoli, Valentin');
    expect(entry?.fields.get('journal')).toBe(
      'Journal of the Royal Statistical Society Series B: Statistical Methodology',
    );
    expect(entry?.fields.get('pages')).toBe('286--301');
    expect(entry?.fields.get('doi')).toBe('10.1093/jrsssb/qkae005');
    expect(text).toContain('month = jan');
    expect(requests.find((r) => r.path === '/10.1093/jrsssb/qkae005')?.accept).toBe(CSL);
    // the same paper again, written another way: named with its key, not added twice
    const again = await cli(['add', 'doi:10.1093/JRSSSB/qkae005', ...flags()], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('doi:10.1093/JRSSSB/qkae005: already in the store as benton2024denoising');
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe(text);
  });

  it('an arXiv ID through its DataCite DOI (a redirect to the agency): an entry with eprint, once', async () => {
    const dir = project();
    const run = await cli(['add', '2506.15740', '10.48550/arXiv.2506.15740', ...flags()], dir);
    expect(run.code, run.stderr).toBe(0);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]?.fields.get('eprint')).toBe('2506.15740');
    expect(entries[0]?.fields.has('doi')).toBe(false);
    expect(run.stderr).toContain('10.48550/arXiv.2506.15740: already in the store as kutasov2025shade');
    const list = await cli(['format', '--bib', 'pubs.bib', '-t', 'text', '--owner', 'Joe Benton'], dir);
    expect(list.stdout).toContain('arXiv preprint arXiv:2506.15740');
  });

  it('a DataCite dataset, a DOI the resolver cannot negotiate (Crossref instead), an unknown DOI', async () => {
    const dir = project('@article{old, title = {Old}, author = {Benton, Joe}, journal = {J}, year = 2020}\n');
    const run = await cli(
      ['add', '10.5281/zenodo.1234567', '10.7777/medra.1', '10.9999/nobody', '--selected', ...flags()],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('not imported: 10.9999/nobody (no DOI agency knows it)');
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => [e.key, e.type])).toEqual([
      ['old', 'article'],
      ['benton2023code', 'misc'],
      ['benton2022paper', 'article'],
    ]);
    expect(entries[2]?.fields.get('journal')).toBe('Rivista di Statistica');
    expect(entries[1]?.fields.get('keywords')).toBe('selected');
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8').startsWith('@article{old,')).toBe(true);
  });

  it("DataCite DOIs the resolver cannot answer: DataCite's REST API (first for its prefixes, else after Crossref)", async () => {
    const dir = project();
    requests.length = 0;
    const run = await cli(['add', '10.5281/zenodo.7654321', '10.7777/dc.2', ...flags()], dir);
    expect(run.code, run.stderr).toBe(0);
    const entries = parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries;
    expect(entries.map((e) => [e.key, e.type])).toEqual([
      ['benton2024diffusion', 'misc'],
      ['benton2023conference', 'inproceedings'],
    ]);
    expect(entries[0]?.fields.get('author')).toBe('Benton, Joe and {Oxford Statistics}');
    expect(entries[0]?.fields.get('year')).toBe('2024');
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toContain('month = mar');
    expect(entries[0]?.fields.get('doi')).toBe('10.5281/zenodo.7654321');
    expect(entries[1]?.fields.get('booktitle')).toBe('Proceedings of Machine Learning Research');
    expect(entries[1]?.fields.get('pages')).toBe('10--20');
    // a Zenodo DOI goes to DataCite without asking Crossref; another prefix asks Crossref first
    const paths = requests.map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/crossref/works/10.5281'))).toBe(false);
    expect(paths.indexOf('/crossref/works/10.7777/dc.2')).toBeLessThan(
      paths.indexOf('/datacite-api/dois/10.7777/dc.2'),
    );
  });

  it("a new key in the store's own pattern (Author:Year here), or the config's keyPattern", async () => {
    const dir = project(
      '@article{Doucet:2001, title = {Sequential Monte Carlo}, author = {Doucet, Arnaud}, journal = {J}, year = 2001}\n' +
        '@article{Shi:2023, title = {Diffusion Bridges}, author = {Shi, Yuyang}, journal = {J}, year = 2023}\n',
    );
    const run = await cli(['add', '10.1093/jrsssb/qkae005', ...flags()], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('added Benton:2024 (10.1093/jrsssb/qkae005)');
    const configured = project();
    writeFileSync(join(configured, 'bibfolio.config.json'), JSON.stringify({ keyPattern: '[auth]_[word]_[year]' }));
    const named = await cli(['add', '10.1093/jrsssb/qkae005', ...flags()], configured);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toContain('added benton_denoising_2024');
    writeFileSync(join(configured, 'bibfolio.config.json'), JSON.stringify({ keyPattern: '{auth}{year}' }));
    const bad = await cli(['add', '10.1093/jrsssb/qkae005', ...flags()], configured);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('keyPattern');
  });

  it('--dry-run prints the diff and writes nothing; --json is one document', async () => {
    const dir = project();
    const dry = await cli(['add', '10.1093/jrsssb/qkae005', '--dry-run', ...flags()], dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^\+@article\{benton2024denoising,$/m);
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe('');
    const json = await cli(['add', '10.1093/jrsssb/qkae005', '--json', ...flags()], dir);
    const report = JSON.parse(json.stdout) as { added: { key: string }[]; written: boolean };
    expect(report.added.map((a) => a.key)).toEqual(['benton2024denoising']);
    expect(report.written).toBe(true);
  });

  it('a service that stays down: one line, nothing written, exit 1; a non-identifier is a usage error', async () => {
    const dir = project('@misc{keep, title = {Keep}}\n');
    const run = await cli(['add', '10.1093/jrsssb/qkae005', '10.1000/down', ...flags()], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/HTTP 503.*nothing was written/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe('@misc{keep, title = {Keep}}\n');
    const usage = await cli(['add', 'not-an-id', ...flags()], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('"not-an-id" is neither a DOI');
  });

  it("reads the services from the config's sources key when no flag names them", async () => {
    const dir = project();
    writeFileSync(
      join(dir, 'bibfolio.config.json'),
      JSON.stringify({ store: 'pubs.bib', sources: { doiUrl: base, crossrefUrl: `${base}/crossref`, delayMs: 0 } }),
    );
    const run = await cli(['add', '10.1093/jrsssb/qkae005'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries).toHaveLength(1);
  });

  it('a near match (the title the store has, another first author) is a question: --accept adds it', async () => {
    const dir = project(
      '@article{smith2024from, title = {From Denoising Diffusions to Denoising {M}arkov Models}, author = {Smith, Ann}, journal = {J}, year = 2024}\n',
    );
    const asked = await cli(['add', '10.1093/jrsssb/qkae005', ...flags()], dir);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain(
      '10.1093/jrsssb/qkae005: "From Denoising Diffusions to Denoising Markov Models" has the title of smith2024from under another first author; not added (add it with --accept 10.1093/jrsssb/qkae005)',
    );
    expect(parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries).toHaveLength(1);
    const accepted = await cli(
      ['add', '10.1093/jrsssb/qkae005', '--accept', '10.1093/jrsssb/qkae005', ...flags()],
      dir,
    );
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(parseStore(readFileSync(join(dir, 'pubs.bib'), 'utf8')).entries).toHaveLength(2);
  });
});
