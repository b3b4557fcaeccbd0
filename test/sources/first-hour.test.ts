/**
 * The first hour of a researcher, from an empty folder, against stand-in services on 127.0.0.1: `init`, `import
 * orcid`, `add` a DOI and an arXiv ID, `sync` (ORCID again, arXiv, the venues), and the list renders with every paper
 * once: one already imported is named, not added; the arXiv paper is filled in by arXiv.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { parseStore } from '../../src/store/parse.js';
import { cli } from '../helpers.js';

const ORCID = '0000-0002-1825-0097';
const article = (doi: string, title: string) => ({
  type: 'article-journal',
  DOI: doi,
  title,
  'container-title': 'Journal of Sampling',
  issued: { 'date-parts': [[2024, 3]] },
  author: [
    { family: 'Benton', given: 'Joe' },
    { family: 'Doucet', given: 'Arnaud' },
  ],
});
const DOIS: Record<string, unknown> = {
  '10.5555/one': article('10.5555/one', 'The First Paper on Diffusions'),
  '10.5555/two': article('10.5555/two', 'The Second Paper on Flows'),
  '10.5555/three': article('10.5555/three', 'The Third Paper, Added by Hand'),
  '10.48550/arxiv.2506.15740': {
    type: 'article',
    DOI: '10.48550/ARXIV.2506.15740',
    title: 'SHADE-Arena: Evaluating Sabotage and Monitoring in LLM Agents',
    publisher: 'arXiv',
    issued: { 'date-parts': [[2025]] },
    author: [
      { family: 'Kutasov', given: 'Jonathan' },
      { family: 'Benton', given: 'Joe' },
    ],
  },
};

let server: Server;
let base = '';
const arxiv = new FakeArxiv([
  {
    id: '2506.15740',
    title: 'SHADE-Arena: Evaluating Sabotage and Monitoring in LLM Agents',
    authors: ['Jonathan Kutasov', 'Joe Benton'],
    published: '2025-06-17T00:00:00Z',
    primary: 'cs.AI',
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
          group: ['10.5555/one', '10.5555/two'].map((doi) => ({
            'external-ids': { 'external-id': [{ 'external-id-type': 'doi', 'external-id-value': doi }] },
            'work-summary': [{ title: { title: { value: doi } } }],
          })),
        }),
      );
    if (path.startsWith('/s2/paper/batch')) {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => res.end(JSON.stringify((JSON.parse(body) as { ids: string[] }).ids.map(() => null))));
      return;
    }
    const work = path.startsWith('/doi/') ? DOIS[path.slice(5).toLowerCase()] : undefined;
    if (work) return void res.end(JSON.stringify(work));
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await arxiv.stop();
  await new Promise<void>((done) => server.close(() => done()));
});

describe("a researcher's first hour", () => {
  it('init, import orcid, add a DOI and an arXiv ID, sync: every paper once in the list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-first-hour-'));
    expect((await cli(['init', '--owner', 'Joe Benton'], dir)).code).toBe(0);
    // the services, as a user would set them in the config (here: the stand-ins)
    const config = JSON.parse(readFileSync(join(dir, 'bibfolio.config.json'), 'utf8')) as Record<string, unknown>;
    const owner = config.owner as Record<string, unknown>;
    owner.orcid = ORCID;
    config.sources = {
      doiUrl: `${base}/doi`,
      crossrefUrl: `${base}/crossref`,
      orcidUrl: `${base}/orcid`,
      dblpUrl: `${base}/dblp`,
      semanticScholarUrl: `${base}/s2`,
      arxivUrl: arxiv.url,
      delayMs: 0,
    };
    writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify(config, null, 2));

    const imported = await cli(['import', 'orcid', ORCID], dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('2 new, 0 already there');

    const added = await cli(['add', 'https://doi.org/10.5555/three', '2506.15740', '10.5555/one'], dir);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('10.5555/one: already in the store as benton2024first');

    const synced = await cli(['sync'], dir);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stderr).toContain('0 new, 2 already there');

    const store = readFileSync(join(dir, 'bib/publications.bib'), 'utf8');
    const entries = parseStore(store).entries;
    expect(entries.map((e) => e.key).sort()).toEqual([
      'benton2024first',
      'benton2024second',
      'benton2024third',
      'kutasov2025shade',
    ]);
    // arXiv filled in what the DOI resolver did not give
    const shade = entries.find((e) => e.key === 'kutasov2025shade');
    expect(shade?.fields.get('primaryclass')).toBe('cs.AI');

    const list = await cli(['format', '-t', 'text'], dir);
    expect(list.code, list.stderr).toBe(0);
    for (const title of [
      'First Paper on Diffusions',
      'Second Paper on Flows',
      'Third Paper, Added by Hand',
      'SHADE-Arena',
    ])
      expect(list.stdout.split(title).length - 1, title).toBe(1);
  });
});
