/**
 * A character is written as LaTeX only when a plain document can run that LaTeX: U+FFFD (a character lost before the
 * store was written, which unicode2latex writes `\dbend`, a manfnt symbol) and symbols whose commands need a package
 * (`\ding`, `\smiley`) have no LaTeX form, so the export copies their entry as written instead of writing a command
 * the document stops at. The table of commands a plain document defines is checked with pdflatex itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBib } from '../../src/export/export.js';
import { latexForChar } from '../../src/latex/characters.js';
import { PLAIN_LATEX_COMMANDS } from '../../src/latex/plain-latex-commands.js';
import { publicationsOf } from '../../src/pipeline.js';
import { parseStore } from '../../src/store/parse.js';
import { missingTex, pdflatex, texDir } from '../tex/tex-tools.js';

/** A store's text exported for bibtex, as export-bib does it. */
function exportedForBibtex(source: string): ReturnType<typeof exportBib> {
  const pubs = publicationsOf(parseStore(source, 'store.bib'));
  return exportBib(pubs.store.entries, pubs.items, {
    target: 'bibtex',
    selectedOnly: false,
    file: 'store.bib',
    scan: pubs.store.scan,
  });
}

describe('characters as LaTeX a plain document runs', () => {
  it.each([
    ['\uFFFD', undefined],
    ['\u263A', undefined], // ☺, \smiley (wasysym)
    ['\u2713', undefined], // ✓, \ding{51} (pifont)
    ['\u00F0', '{\\dh}'],
    ['\u20AC', '{\\texteuro}'],
    ['\u2295', '$\\oplus$'],
    ['\u0416', '{\\cyrchar\\CYRZH}'], // Ж: set with T2A, as pdflatex sets the letter itself
    // textcomp's, where the main table has none and the decomposition would change the text (ª -> a, ™ -> TM)
    ['\u00AA', '{\\textordfeminine}'],
    ['\u00BA', '{\\textordmasculine}'],
    ['\u2122', '{\\texttrademark}'],
    ['\u2030', '{\\textperthousand}'],
    ['\u00A5', '{\\textyen}'],
  ])('%s -> %s', (ch, latex) => {
    expect(latexForChar(ch)).toBe(latex);
  });

  it('exports an entry with U+FFFD in a name as written, with a warning, and no \\dbend', () => {
    const source = '@article{m, title = {T}, author = {Gonzalez-Sol\uFFFDs, Jacob}, journal = {J}, year = {2023}}\n';
    const result = exportedForBibtex(source);
    expect(result.text).not.toContain('dbend');
    expect(result.text).toContain('Gonzalez-Sol\uFFFDs, Jacob');
    expect(result.problems.map((p) => p.code)).toContain('copied-as-written');
  });

  it('exports Spanish "Mª" and "Nº" for bibtex as LaTeX that reads back as written (not "Ma", "No")', () => {
    const source = '@article{m, title = {Nº 5}, author = {Vidal, Mª Rosario}, journal = {J}, year = {2014}}\n';
    const exported = exportedForBibtex(source);
    expect(exported.text).toContain('author = {Vidal, M{\\textordfeminine} Rosario}');
    const back = publicationsOf(parseStore(exported.text, 'out.bib')).items[0];
    expect(back?.author?.[0]?.given).toBe('Mª Rosario');
    expect(back?.title).toBe('Nº 5');
  });

  it.skipIf(missingTex.includes('pdflatex'))('every command of the table is defined in a plain document', () => {
    const dir = texDir();
    const probe = [
      '\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{textcomp}\\begin{document}',
      ...[...PLAIN_LATEX_COMMANDS].map((name) => `\\ifdefined\\${name}\\else\\typeout{UNDEFINED:${name}}\\fi`),
      '\\end{document}',
    ].join('\n');
    writeFileSync(join(dir, 'probe.tex'), probe);
    expect(pdflatex(dir, 'probe.tex').status).toBe(0);
    const undefinedHere = readFileSync(join(dir, 'probe.log'), 'utf8').match(/^UNDEFINED:\w+$/gm) ?? [];
    expect(undefinedHere).toEqual([]);
    expect(PLAIN_LATEX_COMMANDS.size).toBeGreaterThan(200);
  });
});
