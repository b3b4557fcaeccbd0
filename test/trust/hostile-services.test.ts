/**
 * Hostile services: stand-in arXiv, Semantic Scholar, DBLP and Crossref servers on 127.0.0.1 answer with every value
 * of HOSTILE_VALUES in every field they fill (title, authors, DOI, subject class, journal reference; venue, pages,
 * volume, number, year, DOI). After each sync the store must hold exactly its entries and the fields a sync may
 * write, no control character, and real `bibtex` must read it without an error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStore } from '../../src/store/parse.js';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { cli } from '../helpers.js';
import { missingTex } from '../tex/tex-tools.js';
import { FakeVenues } from '../venues/fake-venues.js';
import { HOSTILE_VALUES, INJECTED_FIELDS, INJECTED_KEYS } from './hostile-values.js';

const VICTIM = `@misc{victim,
  author        = {Benton, Joe and Doucet, Arnaud},
  title         = {A Paper Under Attack},
  eprint        = {2401.00001},
  archivePrefix = {arXiv}
}
`;

const ARXIV_FIELDS = ['title', 'author', 'year', 'month', 'eprint', 'archiveprefix', 'primaryclass', 'url', 'doi'];
const VENUE_FIELDS = ['journal', 'booktitle', 'year', 'volume', 'number', 'pages', 'doi'];
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-hostile-'));
  mkdirSync(join(dir, 'bib'));
  writeFileSync(join(dir, 'bib/publications.bib'), VICTIM);
  writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify({ owner: { name: 'Joe Benton' } }));
  return dir;
}

/** Real bibtex reads the whole store (every entry cited): its error count, and its log for the message. */
function bibtexErrors(dir: string): { errors: number; log: string } {
  writeFileSync(join(dir, 'main.aux'), '\\citation{*}\n\\bibdata{bib/publications}\n\\bibstyle{plain}\n');
  const run = spawnSync('bibtex', ['-terse', 'main'], { cwd: dir, encoding: 'utf8' });
  const log = readFileSync(join(dir, 'main.blg'), 'utf8');
  const m = /\(There (?:was|were) (\d+) error message/.exec(log);
  return { errors: m ? Number(m[1]) : run.status === 2 ? 1 : 0, log };
}

/** The invariants every hostile sync must leave: the entries planned, only the fields a sync writes, no controls. */
function expectIntact(dir: string, keys: readonly string[], allowed: readonly string[], value: string): void {
  const text = readFileSync(join(dir, 'bib/publications.bib'), 'utf8');
  const store = parseStore(text);
  expect(store.lossless, `${JSON.stringify(value)}\n${text}`).toBe(true);
  expect(store.entries.map((e) => e.key)).toEqual(keys);
  for (const entry of store.entries) {
    for (const field of entry.raw.fields)
      expect(allowed, `${JSON.stringify(value)}: ${field.name}`).toContain(field.name);
    for (const injected of INJECTED_FIELDS) expect(entry.raw.fields.map((f) => f.name)).not.toContain(injected);
  }
  for (const key of INJECTED_KEYS) expect(store.entries.map((e) => e.key)).not.toContain(key);
  expect(CONTROL.test(text), JSON.stringify(value)).toBe(false);
  // TeX primitives that reach files or the shell stand as text
  expect(text, JSON.stringify(value)).not.toMatch(
    /(?<!\\textbackslash\{\})\\(input|write|immediate|def|csname)(?![A-Za-z])/,
  );
  if (missingTex.length === 0) {
    const { errors, log } = bibtexErrors(dir);
    expect(errors, `${JSON.stringify(value)}\n${log}\n${text}`).toBe(0);
  }
}

describe('sync-arxiv against a hostile arXiv', () => {
  let arxiv: FakeArxiv;
  beforeAll(async () => {
    arxiv = await new FakeArxiv().start();
  });
  afterAll(async () => {
    await arxiv.stop();
  });

  it.each(HOSTILE_VALUES.map((v) => [JSON.stringify(v).slice(0, 60), v]))(
    'receives %s as values, never as syntax, in every field arXiv fills',
    async (_, value) => {
      const hostile = {
        title: `Title ${value}`,
        authors: ['Joe Benton', `Evil ${value} Name`, 'Arnaud Doucet'],
        published: '2024-01-02T00:00:00Z',
        doi: value,
        journalRef: `J. ${value} 1 (2024)`,
        primary: value,
        summary: value,
      };
      arxiv.set({ id: '2401.00001', ...hostile });
      arxiv.set({ id: '2401.00002', ...hostile });
      const dir = project();
      const env = { XDG_CACHE_HOME: join(dir, 'cache') };
      const run = await cli(['sync-arxiv', '--api-url', arxiv.url, '--delay-ms', '0', '--refresh'], dir, env);
      expect(run.code, run.stderr).toBe(0);
      const added = await cli(
        ['sync-arxiv', '2401.00002', '--promote', '--api-url', arxiv.url, '--delay-ms', '0', '--refresh'],
        dir,
        env,
      );
      expect(added.code, added.stderr).toBe(0);
      const keys = parseStore(readFileSync(join(dir, 'bib/publications.bib'), 'utf8')).entries.map((e) => e.key);
      expect(keys).toHaveLength(2);
      expectIntact(
        dir,
        keys,
        [...ARXIV_FIELDS, 'journal_ref', 'journal', 'booktitle', 'volume', 'number', 'pages'],
        value,
      );
      const check = await cli(['check'], dir, env);
      expect(check.stderr).not.toMatch(/\[syntax\]/);
    },
    30_000,
  );
});

describe('sync-venues against hostile Semantic Scholar, DBLP and Crossref', () => {
  let venues: FakeVenues;
  beforeAll(async () => {
    venues = await new FakeVenues().start();
  });
  afterAll(async () => {
    await venues.stop();
  });

  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it.each(HOSTILE_VALUES.map((v) => [JSON.stringify(v).slice(0, 60), v]))(
    'receives %s as values, never as syntax, by DBLP and by Crossref',
    async (_, value) => {
      for (const path of ['dblp', 'crossref'] as const) {
        venues.papers.clear();
        venues.dblp.clear();
        venues.crossref.clear();
        venues.paper('arXiv:2401.00001', {
          paperId: 'p1',
          title: 'A Paper Under Attack',
          externalIds: {
            ArXiv: '2401.00001',
            ...(path === 'dblp' ? { DBLP: 'journals/evil/X24' } : { DOI: '10.5555/x' }),
          },
          venue: value,
          journal: { name: value, pages: value, volume: value },
          year: 2024,
          publicationTypes: ['JournalArticle'],
          citationCount: 3,
        });
        venues.dblp.set(
          'journals/evil/X24',
          `<?xml version="1.0"?>\n<dblp><article key="journals/evil/X24"><author>Joe Benton</author><author>Arnaud Doucet</author>` +
            `<title>${xml(value)}.</title><pages>${xml(value)}</pages><year>${xml(value)}</year><volume>${xml(value)}</volume>` +
            `<number>${xml(value)}</number><journal>J. ${xml(value)}</journal>` +
            `<ee>https://doi.org/10.1234/${xml(value.replace(/\s/g, ''))}</ee></article></dblp>`,
        );
        venues.crossref.set(
          '10.5555/x',
          JSON.stringify({
            status: 'ok',
            message: {
              DOI: value,
              type: 'journal-article',
              title: [value],
              'container-title': [`Journal ${value}`],
              volume: value,
              issue: value,
              page: value,
              author: [
                { family: 'Benton', given: 'Joe' },
                { family: 'Doucet', given: 'Arnaud' },
              ],
              published: { 'date-parts': [[2024]] },
              relation: { 'has-preprint': [{ id: '10.48550/arXiv.2401.00001', 'id-type': 'doi' }] },
            },
          }),
        );
        const dir = project();
        const run = await cli(['sync-venues', '--promote', ...venues.flags(), '--refresh'], dir, {
          XDG_CACHE_HOME: join(dir, 'cache'),
        });
        expect(run.code, `${path}: ${run.stderr}`).toBe(0);
        expect(run.stderr, path).toMatch(/published \(1\)/);
        expectIntact(dir, ['victim'], [...ARXIV_FIELDS, ...VENUE_FIELDS], value);
      }
    },
    30_000,
  );
});
