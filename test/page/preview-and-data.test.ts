/**
 * al-folio's `preview` image beside an entry (a file name resolved against `page.previewBase`; a value that is not
 * an address is left out), and the scholarly metadata of each entry in the data for site generators.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const STORE = `@article{wave, title = {Waves}, author = {Benton, Joe}, journal = {J}, year = 2024, preview = {wave.gif}}
@article{evil, title = {Evil}, author = {Benton, Joe}, journal = {J}, year = 2023, preview = {javascript:alert(1)}}
`;

function project(page: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-preview-'));
  writeFileSync(join(dir, 'pubs.bib'), STORE);
  writeFileSync(
    join(dir, 'bibfolio.config.json'),
    JSON.stringify({ store: 'pubs.bib', owner: { name: 'Joe Benton' }, page }),
  );
  return dir;
}

describe('preview images', () => {
  it('sit beside the entry, from the file name and previewBase; never from a script address', async () => {
    const dir = project({ previewBase: '/assets/img/publication_preview/' });
    const run = await cli(['format', '-t', 'html', '--standalone'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<img class="bibfolio-preview" src="/assets/img/publication_preview/wave.gif" alt=""');
    expect(run.stdout).not.toContain('javascript:');
    const without = await cli(['format', '-t', 'html', '--standalone'], project({}));
    expect(without.stdout).not.toContain('bibfolio-preview"');
  });
});

describe('data for site generators', () => {
  it('carries each entry’s scholarly metadata and preview', async () => {
    const dir = project({ previewBase: 'https://me.github.io/assets/img/publication_preview/' });
    const run = await cli(['format', '-t', 'json'], dir);
    const items = JSON.parse(run.stdout) as {
      title: string;
      bibfolio: { preview: string | null; scholarly: { title: string; authors: string[]; journal?: string } };
    }[];
    const wave = items.find((i) => i.title === 'Waves');
    expect(wave?.bibfolio.scholarly).toMatchObject({ title: 'Waves', authors: ['Joe Benton'], journal: 'J' });
    expect(wave?.bibfolio.preview).toBe('https://me.github.io/assets/img/publication_preview/wave.gif');
  });
});

describe('fields no style renders (the abstract, al-folio’s badge and award)', () => {
  it('are read as text: accents, escapes, math and formatting as a reader sees them, no LaTeX left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-plain-fields-'));
    writeFileSync(
      join(dir, 'pubs.bib'),
      `@article{a, title = {T}, author = {Benton, Joe}, journal = {J}, year = 2024, abbr = {R\\&D},
  abstract = {Caf{\\'e} na\\"ive: 50\\% of A \\& B reach $L_\\infty$ and $x^2$ in {\\em this} \\textit{paper} --- so.}}
`,
    );
    writeFileSync(
      join(dir, 'bibfolio.config.json'),
      JSON.stringify({ store: 'pubs.bib', owner: { name: 'Joe Benton' } }),
    );
    const run = await cli(['format', '-t', 'json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const [item] = JSON.parse(run.stdout) as { bibfolio: { abstract: string; badge: string } }[];
    expect(item?.bibfolio.abstract).toBe('Café naïve: 50% of A & B reach L∞ and x² in this paper — so.');
    expect(item?.bibfolio.badge).toBe('R&D');
  });
});
