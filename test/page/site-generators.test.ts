/**
 * Data and bundles for site generators, judged by the real engines: the YAML list through the documented Jekyll
 * include (templates/jekyll/, rendered by liquidjs, a Liquid implementation) and the Hugo partial
 * (templates/hugo/, by Debian's hugo); `export-hugo` bundles built into a minimal Hugo site; `init` making a new
 * user's first list in three commands.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { EMBEDDED_PAPERS } from '../sync/embedded-papers.js';
import { cli, ROOT } from '../helpers.js';

const hugo = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).stdout.trim();
if (!hugo) console.warn('Hugo tests skipped: hugo not found. Install it with: apt-get install hugo');

interface Data {
  id: string;
  bibfolio: {
    key: string;
    group: string | null;
    html: string;
    markdown: string;
    text: string;
    links: { label: string; url: string }[];
    owner_position: number | null;
    marks: { position: number; names: string[]; symbols: string[] }[];
    bibtex: string | null;
    selected: boolean;
  };
}

let yamlData: Data[];
beforeAll(async () => {
  const run = await cli(['format', '--to', 'yaml', '--group-by', 'year']);
  expect(run.code, run.stderr).toBe(0);
  yamlData = parse(run.stdout) as Data[];
});

describe('--to json and --to yaml', () => {
  it('carry the same data: per entry its HTML, Markdown and text, links, owner position, marks as numbers, BibTeX', async () => {
    const json = JSON.parse((await cli(['format', '--to', 'json', '--group-by', 'year'])).stdout) as Data[];
    expect(json).toEqual(yamlData);
    const daudel = json.find((d) => d.id === 'daudel2023alpha')?.bibfolio;
    expect(daudel?.group).toBe('2023');
    expect(daudel?.markdown).toContain('Kamélia Daudel, **Joe Benton**\\*, Yuyang Shi\\*, Arnaud Doucet');
    expect(daudel?.text).toContain('Kamélia Daudel, Joe Benton*, Yuyang Shi*, Arnaud Doucet');
    expect(daudel?.html).toContain(
      '<strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>',
    );
    expect(daudel?.owner_position).toBe(2);
    expect(daudel?.marks).toEqual([
      { position: 2, names: ['equal'], symbols: ['*'] },
      { position: 3, names: ['equal'], symbols: ['*'] },
    ]);
    expect(daudel?.links.map((l) => l.label)).toEqual(['arXiv', 'PDF']);
    const exported = await cli(['export-bib', '--keys', 'daudel2023alpha', '--out', '-']);
    expect(daudel?.bibtex).toBe(exported.stdout.replace(/^%.*\n\n/, ''));
    expect(json.filter((d) => d.bibfolio.selected).length).toBe(5);
  });

  it('the documented Jekyll include renders every entry from the YAML data, in Liquid', async () => {
    const engine = new Liquid({ root: join(ROOT, 'templates/jekyll/_includes') });
    // Jekyll's own filter, as Jekyll defines it: a name to a URL-safe slug
    engine.registerFilter('slugify', (s: string) =>
      String(s)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-'),
    );
    const html = await engine.renderFile('publications.html', { site: { data: { publications: yamlData } } });
    for (const d of yamlData) expect(html).toContain(`<li id="${d.bibfolio.key}">${d.bibfolio.html}`);
    expect(html).toContain('<h2 id="2025">2025</h2>');
    expect(html.match(/<li id=/g)).toHaveLength(16);
  });

  it.skipIf(!hugo)('the documented Hugo partial renders every entry from the YAML data, in Hugo', () => {
    const site = mkdtempSync(join(tmpdir(), 'bibfolio-hugo-data-'));
    cpSync(join(ROOT, 'templates/hugo/layouts'), join(site, 'layouts'), { recursive: true });
    mkdirSync(join(site, 'data'));
    writeFileSync(
      join(site, 'hugo.toml'),
      "baseURL = 'https://example.org/'\ntitle = 'Site'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n",
    );
    writeFileSync(join(site, 'layouts/index.html'), '<main>{{ partial "publications.html" . }}</main>\n');
    return cli(['format', '--to', 'yaml', '--out', join(site, 'data/publications.yaml')]).then((run) => {
      expect(run.code, run.stderr).toBe(0);
      const build = spawnSync(hugo, ['--quiet', '-s', site, '-d', join(site, 'public')], { encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
      const index = readFileSync(join(site, 'public/index.html'), 'utf8');
      expect(index.match(/<li id=/g)).toHaveLength(16);
      expect(index).toContain('<strong class="bibfolio-owner">Joe Benton</strong>');
      expect(index).toContain('<a class="btn" href="https://arxiv.org/abs/2210.06226">arXiv</a>');
    });
  });
});

describe.skipIf(!hugo)('export-hugo', () => {
  let site: string;
  beforeAll(() => {
    site = mkdtempSync(join(tmpdir(), 'bibfolio-hugo-'));
    mkdirSync(join(site, 'layouts/_default'), { recursive: true });
    writeFileSync(
      join(site, 'hugo.toml'),
      "baseURL = 'https://example.org/'\ntitle = 'Site'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n",
    );
    writeFileSync(
      join(site, 'layouts/_default/single.html'),
      '<h1>{{ .Title }}</h1><p class="authors">{{ range $i, $a := .Params.authors }}{{ $a }}{{ with index $.Params.author_notes $i }} ({{ . }}){{ end }}; {{ end }}</p><p class="pub">{{ .Params.publication | markdownify }}</p><p class="date">{{ .Date.Format "2006-01-02" }}</p>{{ with .Params.url_pdf }}<a class="pdf" href="{{ . }}">PDF</a>{{ end }}\n',
    );
    writeFileSync(
      join(site, 'layouts/_default/list.html'),
      '<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>\n',
    );
  });

  it('writes one bundle per publication that Hugo builds into a page each, listed on the section page', async () => {
    const out = join(site, 'content/publication');
    const run = await cli(['export-hugo', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/16 bundles \(16 changed, 0 unchanged\)/);
    expect(readdirSync(out)).toHaveLength(16);
    expect(existsSync(join(out, 'daudel2023alpha/cite.bib'))).toBe(true);
    const build = spawnSync(hugo, ['--quiet', '-s', site, '-d', join(site, 'public')], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const list = readFileSync(join(site, 'public/publication/index.html'), 'utf8');
    expect(list.match(/<li>/g)).toHaveLength(16);
    const daudel = readFileSync(join(site, 'public/publication/daudel2023alpha/index.html'), 'utf8');
    expect(daudel).toContain(
      '<h1>Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics</h1>',
    );
    expect(daudel).toContain(
      'Kamélia Daudel; admin (Equal contribution); Yuyang Shi (Equal contribution); Arnaud Doucet;',
    );
    expect(daudel).toContain('<em>Journal of Machine Learning Research</em>');
    expect(daudel).toContain('<a class="pdf" href="https://arxiv.org/pdf/2210.06226">PDF</a>');
  });

  it('rewrites only changed bundles, never touches a bundle it did not write, and removes its own stale ones', async () => {
    const out = join(site, 'content/publication');
    writeFileSync(join(out, 'daudel2023alpha/index.md'), '---\ntitle: stale\n---\n');
    mkdirSync(join(out, 'hand-made'));
    writeFileSync(join(out, 'hand-made/index.md'), '---\ntitle: Mine\n---\n');
    mkdirSync(join(out, 'old2019paper'));
    const before = statSync(join(out, 'chen2025reasoning/index.md')).mtimeMs;
    const ownStale = readFileSync(join(out, 'chen2025reasoning/index.md'), 'utf8');
    writeFileSync(join(out, 'old2019paper/index.md'), ownStale);
    const run = await cli(['export-hugo', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    // daudel2023alpha's index.md now has no mark: it is the owner's, and left alone
    expect(run.stderr).toMatch(
      /daudel2023alpha was not written by bibfolio \(no mark in its index\.md\): left as it is/,
    );
    expect(run.stderr).toMatch(
      /15 bundles \(0 changed, 15 unchanged\), removed 1 it wrote for entries no longer exported \(old2019paper\)/,
    );
    expect(statSync(join(out, 'chen2025reasoning/index.md')).mtimeMs).toBe(before);
    expect(readFileSync(join(out, 'hand-made/index.md'), 'utf8')).toBe('---\ntitle: Mine\n---\n');
    expect(existsSync(join(out, 'old2019paper'))).toBe(false);
  });
});

describe('init', () => {
  let arxiv: FakeArxiv;
  beforeAll(async () => {
    arxiv = await new FakeArxiv(EMBEDDED_PAPERS).start();
  });
  afterAll(async () => {
    await arxiv.stop();
  });

  it("makes a new user's first list in three commands, and refuses to overwrite", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-init-'));
    const init = await cli(['init', '--owner', 'Joe Benton'], dir);
    expect(init.code, init.stderr).toBe(0);
    const sync = await cli(['sync-arxiv', '2210.06226', '--api-url', arxiv.url, '--delay-ms', '0'], dir);
    expect(sync.code, sync.stderr).toBe(0);
    const publications = await cli(['publications'], dir);
    expect(publications.code, publications.stderr).toBe(0);
    const page = readFileSync(join(dir, 'dist/publications.html'), 'utf8');
    expect(page).toContain('<strong class="bibfolio-owner">Joe Benton</strong>');
    expect(page).toContain('href="https://arxiv.org/abs/2210.06226"');
    expect(readFileSync(join(dir, 'dist/publications.md'), 'utf8')).toContain('**Joe Benton**');
    const again = await cli(['init', '--owner', 'Someone Else'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bibfolio\.config\.json already exists; init writes nothing over it/);
    expect(JSON.parse(readFileSync(join(dir, 'bibfolio.config.json'), 'utf8')).owner.name).toBe('Joe Benton');
  });

  it('asks for the name when none is given and no terminal can answer: a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-init-'));
    const run = await cli(['init'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give your name: bibfolio init --owner "Joe Benton"/);
  });
});
