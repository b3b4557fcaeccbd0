/**
 * What Google Scholar and reference managers read of the publications page, read back by an independent parser
 * (html-metadata: Highwire Press, COinS, JSON-LD) and compared with the store, for every entry of the embedded store:
 * one page per paper (`page.perEntry`) with `citation_*` tags and schema.org JSON-LD, COinS per entry on the list
 * page; the header from the config's `page`. Text from the store stays text in every one of them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: html-metadata has no types
import { loadFromString } from 'html-metadata';
import { cli, ROOT } from '../helpers.js';

interface Item {
  id: string;
  title: string;
  author?: { given?: string; family?: string; 'non-dropping-particle'?: string; literal?: string }[];
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  custom: { arxiv?: string };
}
interface Metadata {
  highwirePress?: Record<string, string | string[]>;
  jsonLd?: { headline: string; author: { name: string }[]; datePublished?: string };
  coins?: { rft: Record<string, string | string[]> }[];
}

const read = (html: string): Promise<Metadata> => loadFromString(html) as Promise<Metadata>;
const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const name = (a: NonNullable<Item['author']>[number]): string =>
  [a.given, a['non-dropping-particle'], a.family].filter(Boolean).join(' ') || (a.literal ?? '');

let dir = '';
let items: Item[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bibfolio-scholarly-'));
  mkdirSync(join(dir, 'bib'));
  cpSync(join(ROOT, 'bib/publications.bib'), join(dir, 'bib/publications.bib'));
  const config = JSON.parse(readFileSync(join(ROOT, 'bibfolio.config.json'), 'utf8')) as Record<string, unknown>;
  config.page = {
    name: 'Joe Benton',
    affiliation: 'Anthropic <b>&</b> Oxford',
    photo: 'javascript:alert(1)',
    links: { orcid: 'https://orcid.org/0000-0002-1825-0097', github: 'https://github.com/joebenton' },
    perEntry: true,
  };
  writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify(config));
  const run = await cli(['publications'], dir);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain('wrote 16 pages in dist/publications/ (one per paper)');
  items = JSON.parse((await cli(['format', '-t', 'json'], dir)).stdout) as Item[];
});

describe('per-entry pages: Highwire Press tags and JSON-LD, read back', () => {
  it('equal the store for every entry of the embedded store', async () => {
    expect(items).toHaveLength(16);
    for (const item of items) {
      const html = readFileSync(join(dir, 'dist/publications', item.id, 'index.html'), 'utf8');
      const meta = await read(html);
      const hw = meta.highwirePress ?? {};
      const authors = (item.author ?? []).map(name);
      expect(hw.title, item.id).toBe(item.title);
      expect(all(hw.author), item.id).toEqual(authors);
      expect(hw.publication_date, item.id).toBe(String(item.issued?.['date-parts'][0]?.[0]));
      expect(hw.doi, item.id).toBe(item.DOI);
      expect(hw.arxiv_id, item.id).toBe(item.custom.arxiv);
      if (item.custom.arxiv) expect(hw.pdf_url).toBe(`https://arxiv.org/pdf/${item.custom.arxiv}`);
      expect(meta.jsonLd?.headline, item.id).toBe(item.title);
      expect(meta.jsonLd?.author.map((a) => a.name)).toEqual(authors);
      // the way back to the entry on the list
      expect(html).toContain(`<a href="../../publications.html#${encodeURIComponent(item.id)}">`);
    }
  });

  it('names a journal article’s journal and a conference paper’s conference', async () => {
    const journal = await read(readFileSync(join(dir, 'dist/publications/benton2024denoising/index.html'), 'utf8'));
    expect(journal.highwirePress?.journal_title).toBe(
      'Journal of the Royal Statistical Society Series B: Statistical Methodology',
    );
    expect(journal.highwirePress?.volume).toBe('86');
    expect(journal.highwirePress?.firstpage).toBe('286');
    expect(journal.highwirePress?.conference_title).toBeUndefined();
  });
});

describe('the list page', () => {
  it('carries one COinS per entry that reads as the store', async () => {
    const html = readFileSync(join(dir, 'dist/publications.html'), 'utf8');
    const coins = (await read(html)).coins ?? [];
    // a selected paper is listed twice (first, and in its year): its COinS too
    const titles = new Set(coins.map((c) => c.rft.atitle ?? c.rft.btitle));
    expect([...titles].sort()).toEqual(items.map((i) => i.title).sort());
    for (const c of coins) {
      const item = items.find((i) => i.title === (c.rft.atitle ?? c.rft.btitle)) as Item;
      expect(all(c.rft.au)).toEqual((item.author ?? []).map(name));
    }
  });

  it('has the header from the config, its text as text, an unsafe photo left out; each entry links to its page', () => {
    const html = readFileSync(join(dir, 'dist/publications.html'), 'utf8');
    expect(html).toContain('<h1>Joe Benton</h1>');
    expect(html).toContain('<p class="bibfolio-affiliation">Anthropic &lt;b&gt;&amp;&lt;/b&gt; Oxford</p>');
    expect(html).toContain(
      '<a class="bibfolio-profile" rel="me" href="https://orcid.org/0000-0002-1825-0097">ORCID</a>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="publications/benton2024error/">Details</a>');
  });
});
