/**
 * The judge is TeX: the exported .bib compiles with pdflatex + bibtex (plain, unsrtnat, alpha) and with pdflatex +
 * biber + biblatex, every entry cited, with zero errors and zero bibtex/biber warnings; the PDFs show every title,
 * the accents, the arXiv identifiers, and the owner in a bold font.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedItems, cli, ROOT } from '../helpers.js';
import { boldRuns, missingTex, pdflatex, pdfText, run, squash, TEX_SKIP_LINE, texDir } from './tex-tools.js';

const skip = missingTex.length > 0;
if (skip) console.warn(TEX_SKIP_LINE);

const titles = embeddedItems().map((i) => String(i.title));

async function exportTo(dir: string, target: 'bibtex' | 'biblatex'): Promise<string> {
  const out = join(dir, 'publications.bib');
  const result = await cli(['export-bib', '--target', target, '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** What a reader checks: every title, the accented names, the arXiv identifiers (bibtex: `arXiv:ID`; biblatex: `arXiv: ID`). */
function expectReaderText(text: string): void {
  const flat = squash(text);
  for (const title of titles) expect(flat, title).toContain(squash(title).replace(/'/g, '’'));
  for (const name of ['Kamélia', 'Hägele', 'Cristóbal']) expect(text.normalize('NFC')).toContain(name);
  expect(text).toMatch(/arXiv: ?2506\.15740/);
}

describe.skipIf(skip)('the bibtex export with pdflatex + bibtex', () => {
  it.each(['plain', 'unsrtnat', 'alpha'])(
    '%s: no error, no warning, every title, accents and arXiv IDs in the PDF',
    async (style) => {
      const dir = texDir();
      const bib = await exportTo(dir, 'bibtex');
      expect(bib).toMatch(/^[\x00-\x7f]*$/);
      const tex = readFileSync(join(ROOT, 'templates/paper-natbib.tex'), 'utf8').replace(
        '\\bibliographystyle{unsrtnat}',
        `\\bibliographystyle{${style}}`,
      );
      writeFileSync(join(dir, 'paper.tex'), tex);
      expect(pdflatex(dir, 'paper').status).toBe(0);
      const bibtex = run('bibtex', ['paper'], dir);
      expect(bibtex.status, bibtex.output).toBe(0);
      const blg = readFileSync(join(dir, 'paper.blg'), 'utf8');
      expect(blg).not.toMatch(/Warning--|error message|I was expecting|I'm skipping/);
      expect(pdflatex(dir, 'paper').status).toBe(0);
      const final = pdflatex(dir, 'paper');
      expect(final.status, final.output).toBe(0);
      expect(final.output).not.toMatch(/LaTeX Warning: (Citation|Reference)|undefined/);
      const text = pdfText(dir, 'paper.pdf');
      expectReaderText(text);
      expect(text).toMatch(/arXiv preprint\s+arXiv:2506\.15740/);
    },
  );
});

describe.skipIf(skip)('the biblatex export with pdflatex + biber', () => {
  let dir: string;
  let text: string;
  beforeAll(async () => {
    dir = texDir();
    await exportTo(dir, 'biblatex');
    copyFileSync(join(ROOT, 'templates/cv-biblatex.tex'), join(dir, 'cv.tex'));
    expect(pdflatex(dir, 'cv').status).toBe(0);
    const biber = run('biber', ['cv'], dir);
    expect(biber.status, biber.output).toBe(0);
    expect(pdflatex(dir, 'cv').status).toBe(0);
    const final = pdflatex(dir, 'cv');
    expect(final.status, final.output).toBe(0);
    expect(final.output).not.toMatch(/LaTeX Warning: (Citation|Reference)|Please rerun|undefined/);
    text = pdfText(dir, 'cv.pdf');
  });

  it('compiles with no biber warning and shows every title, the accents and the arXiv IDs', () => {
    const blg = readFileSync(join(dir, 'cv.blg'), 'utf8');
    expect(blg).not.toMatch(/\b(WARN|ERROR)\b/);
    expectReaderText(text);
  });

  it('sets the owner in a bold font, and no one else', () => {
    const bold = boldRuns(dir, 'cv.pdf').join(' ');
    // the owner is in all 16 entries (the name may break across lines)
    expect((bold.match(/Joe Benton|Joe|Benton/g) ?? []).join(' ').match(/Joe/g)?.length).toBe(16);
    expect(bold).not.toMatch(/Daudel|Shi|Doucet|Kutasov/);
  });

  it('marks equal contributions with a star after the names', () => {
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /Kamélia Daudel, Joe Benton\s?\*\s?, Yuyang Shi\s?\*\s?, and Arnaud Doucet/,
    );
  });
});

describe.skipIf(skip)('bibfolio format --to latex --standalone', () => {
  it('compiles for the embedded store', async () => {
    const dir = texDir();
    const run = await cli(['format', '--to', 'latex', '--standalone', '--out', join(dir, 'list.tex')]);
    expect(run.code).toBe(0);
    const result = pdflatex(dir, 'list');
    expect(result.status, result.output).toBe(0);
    const text = pdfText(dir, 'list.pdf');
    expect(text.normalize('NFC')).toContain('Kamélia Daudel');
    expect(boldRuns(dir, 'list.pdf').join(' ')).toContain('Joe Benton');
  });

  it('compiles for hostile entries and shows them as text', async () => {
    const dir = texDir();
    const run = await cli([
      'format',
      '--bib',
      join(ROOT, 'test/fixtures/bib/hostile-latex-specials-and-scripts.bib'),
      '--to',
      'latex',
      '--standalone',
      '--out',
      join(dir, 'list.tex'),
    ]);
    expect(run.code).toBe(0);
    const result = pdflatex(dir, 'list');
    expect(result.status, result.output).toBe(0);
    const text = pdfText(dir, 'list.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('Attacks on <script>alert(1)</script> & 50% of x');
    // \input and \write18 are read as TeX reads unknown commands (their arguments stay as text): nothing runs
    expect(text).toContain('/etc/passwd 18rm -rf / # ^ _ |');
    expect(text).not.toContain('root:');
    expect(text).toContain('O’Brien_x');
    expect(text).toContain('Škoda');
  });
});

describe.skipIf(skip)('the biblatex export of spacing commands and characters pdflatex cannot set', () => {
  it('writes \\quad, \\;, \\:, \\, and \\slash as commands and such characters as LaTeX, so the CV compiles', async () => {
    const dir = texDir();
    const out = join(dir, 'publications.bib');
    const result = await cli([
      'export-bib',
      '--bib',
      join(ROOT, 'test/fixtures/bib/spacing-commands-and-unicode.bib'),
      '--target',
      'biblatex',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const bib = readFileSync(out, 'utf8');
    expect(bib).toContain('Space\\quad Quad, Semi\\;colon, Co\\:lon, Thin\\,space and {AND}\\slash {OR}');
    expect(bib).not.toMatch(/[\u2000-\u200b\u2264\u2082]/);
    expect(bib).toContain('A thin\\,space here, a $\\leq$ sign');
    copyFileSync(join(ROOT, 'templates/cv-biblatex.tex'), join(dir, 'cv.tex'));
    expect(pdflatex(dir, 'cv').status).toBe(0);
    expect(run('biber', ['cv'], dir).status).toBe(0);
    const final = pdflatex(dir, 'cv');
    expect(final.status, final.output).toBe(0);
    expect(final.output).not.toMatch(/^! /m);
    const text = squash(pdfText(dir, 'cv.pdf'));
    expect(text).toContain('and/or');
    expect(text).toContain('cu2o');
  }, 60_000);
});
