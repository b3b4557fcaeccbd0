/**
 * `bibfolio init --from SITE` adopts a site laid out like al-folio's, academicpages' or Hugo Blox's: the config uses
 * the site's store in place (Hugo Blox's cite.bib files gathered into one), names the owner as the site does, with
 * `--owner` added to those names, and points relative links where al-folio serves them. Then the site's own fields
 * drive the page: link buttons, the `abbr` badge, the award, the selected papers first.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

function siteCopy(kind: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bibfolio-site-${kind}-`));
  cpSync(fixture(`sites/${kind}`), dir, { recursive: true });
  return dir;
}

function config(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'bibfolio.config.json'), 'utf8')) as Record<string, unknown>;
}

describe('init --from an existing site', () => {
  it('al-folio: the store in place, the owner from scholar.first_name x last_name, pdfs under assets/pdf/', async () => {
    const dir = siteCopy('al-folio');
    const before = readFileSync(join(dir, '_bibliography/papers.bib'), 'utf8');
    const run = await cli(['init', '--from', '.'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /al-folio site: wrote bibfolio\.config\.json, using _bibliography\/papers\.bib in place/,
    );
    const c = config(dir);
    expect(c.store).toBe('_bibliography/papers.bib');
    expect(c.owner).toEqual({ name: 'Joe Benton', variants: ['J. Benton'] });
    expect(c.linkBase).toBe('https://joebenton.github.io/site/assets/pdf/');
    // al-folio's co-authors' pages and preview images
    expect(c.coauthors).toBe('_data/coauthors.yml');
    expect(c.page).toEqual({ previewBase: 'https://joebenton.github.io/site/assets/img/publication_preview/' });
    // the store is untouched
    expect(readFileSync(join(dir, '_bibliography/papers.bib'), 'utf8')).toBe(before);
    // a second init writes nothing over the first
    const again = await cli(['init', '--from', '.'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bibfolio\.config\.json already exists/);
  });

  it("al-folio's fields drive the page: buttons, relative pdf resolved, abbr badge, award, selected first", async () => {
    const dir = siteCopy('al-folio');
    expect((await cli(['init', '--from', '.'], dir)).code).toBe(0);
    const run = await cli(['format', '--to', 'html', '--standalone', '--selected-first'], dir);
    expect(run.code, run.stderr).toBe(0);
    const page = run.stdout;
    expect(page).toContain('href="https://joebenton.github.io/site/assets/pdf/benton2024diffusion.pdf">PDF</a>');
    expect(page).toContain(
      'href="https://joebenton.github.io/site/assets/pdf/benton2022denoising-slides.pdf">Slides</a>',
    );
    expect(page).toContain('href="https://arxiv.org/abs/2308.03686">arXiv</a>');
    expect(page).toContain('href="https://github.com/example/diffusion">Code</a>');
    expect(page).toContain('href="https://academic.oup.com/jrsssb/article/86/2/286/7513447">HTML</a>');
    expect(page).toContain('href="https://example.org/supplement.pdf">Supp</a>');
    expect(page).toContain('<span class="bibfolio-badge">ICLR</span>');
    // _data/coauthors.yml links co-authors; preview images where al-folio serves them
    expect(page).toContain('<a href="https://www.stats.ox.ac.uk/~doucet/">Arnaud Doucet</a>');
    expect(page).toContain('src="https://joebenton.github.io/site/assets/img/publication_preview/diffusion.png"');
    expect(page).toContain('<span class="bibfolio-badge">JMLR</span>');
    expect(page).toContain('Spotlight presentation</div>');
    expect(page.indexOf('Selected publications')).toBeLessThan(page.indexOf('Nearly d-Linear'));
    // both spellings of the owner are set apart, and the al-folio mark is a mark
    expect(page.match(/<strong class="bibfolio-owner">/g)?.length).toBe(2);
    expect(page).toContain('<strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>');
  });

  it('--owner is added to the names the site gives, not put in their place', async () => {
    const dir = siteCopy('al-folio');
    const run = await cli(['init', '--from', '.', '--owner', 'Joseph Benton'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((config(dir).owner as { name: string; variants: string[] }).variants).toEqual(['Joe Benton', 'J. Benton']);
  });

  it('academicpages: the markdown_generator .bib in place, the owner from author.name', async () => {
    const dir = siteCopy('academicpages');
    const run = await cli(['init', '--from', '.'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(config(dir).store).toBe('markdown_generator/pubs.bib');
    expect((config(dir).owner as { name: string }).name).toBe('Joe Benton');
    const list = await cli(['format', '--to', 'markdown'], dir);
    expect(list.stdout).toContain('**Joe Benton**');
  });

  it("Hugo Blox: each publication's cite.bib gathered into one store, the owner from the admin author", async () => {
    const dir = siteCopy('hugo-blox');
    const run = await cli(['init', '--from', '.'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(config(dir).store).toBe('bib/publications.bib');
    const store = readFileSync(join(dir, 'bib/publications.bib'), 'utf8');
    expect(store).toContain('% from content/publication/conference-paper/cite.bib');
    expect(store).toContain('@article{benton2023error');
    const list = await cli(['format', '--to', 'text'], dir);
    expect(list.stdout).toContain('Nearly d-Linear Convergence Bounds');
    expect(list.stdout).toContain('Error Bounds for Flow Matching');
  });

  it('a folder that is no known site is refused with one line, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-nosite-'));
    const run = await cli(['init', '--from', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not a site init --from knows/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
