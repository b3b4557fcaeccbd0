/**
 * Reading LaTeX in .bib values (src/latex/read.ts), command by command, and through the whole path to a list: every
 * case the issue found (`\$` lost an entry, `\mbox`, `\pm`, `\hspace`, `$\le\omega$`, `~` in `\url`, `\slash`).
 */
import { describe, expect, it } from 'vitest';
import { readLatex } from '../../src/latex/read.js';
import { itemsOf, render } from '../helpers.js';

/** What a list prints for a title. */
function title(value: string): string {
  const items = itemsOf(`@misc{k, title = {${value}}, author = {Joe Benton}, year = 2024}`);
  expect(items).toHaveLength(1);
  return render(items, 'text').split('. Joe Benton')[0] ?? '';
}

describe('reading LaTeX text', () => {
  it.each([
    ['Models That Cost \\$5 a Day', 'Models That Cost $5 a Day'],
    ['Cost \\$5 and \\$6', 'Cost $5 and $6'],
    ['50\\% of \\#1 \\& \\_x', '50% of #1 & _x'],
    ['\\textdollar 5 and \\textasciitilde{}100B', '$5 and ~100B'],
    ['\\textbackslash{}n', '\\n'],
    ['The \\LaTeX{} Companion', 'The LaTeX Companion'],
    ['The \\LaTeX Companion', 'The LaTeXCompanion'], // as TeX: a control word swallows the space after it
    ['\\TeX{} and \\BibTeX', 'TeX and BibTeX'],
    ['200 \\mbox{$\\mu$J}', '200 μJ'],
    ['at \\pm0.1\\%', 'at ±0.1%'],
    ['Space\\hspace{1em}Quad', 'Space Quad'],
    ['$\\le \\omega$', '≤ ω'],
    ['AND\\slash OR', 'AND/OR'],
    ['Cu$_2$O and x$^2$', 'Cu₂O and x²'],
    ['$x^{ab}$ and $x_{max}$', 'xᵃᵇ and xₘₐₓ'],
    ['$x_{\\alpha\\beta}$', 'xαβ'], // a script as markup (see below): plain text has none
    ['$\\frac{1}{2}$ and $\\sqrt{2}$', '1/2 and √2'],
    ['$\\mathbb{R}^n$', 'ℝⁿ'],
    ['$\\alpha$-helix', 'α-helix'],
    ['co\\-operate and e.g.\\ this', 'cooperate and e.g. this'],
    ['A \\emph{word} in italics', 'A word in italics'],
    ['Caf\\\'e and na\\"ive', 'Café and naïve'],
    ['a lone $ sign', 'a lone $ sign'],
    ['See \\url{https://a.org/~x_y}', 'See https://a.org/~x_y'],
    ['See \\href{https://a.org}{the site}', 'See the site'],
    ['\\foo{Kept} text', 'Kept text'],
    ['Stra\\ss\\ und N\\textordmasculine\\ 5', 'Straß und Nº 5'], // a control space after a letter command
    ['System\\~{} Identification, x\\^{}2, a\\v{ }b', 'System~ Identification, x^2, aˇb'], // an accent over nothing
  ])('%s', (value, expected) => {
    expect(title(value)).toBe(expected);
  });

  it('prints a script Unicode has no characters for as a script in every output (an $L_\\infty$-algebra)', () => {
    const items = itemsOf(
      '@misc{k, title = {{$L_\\infty$-algebras} at $T_{\\mathrm{eff}}$ and $e^{i\\pi}$}, author = {Joe Benton}, year = 2024}',
    );
    expect(render(items, 'html')).toContain('L<sub>∞</sub>-algebras at T<sub>eff</sub> and e<sup>iπ</sup>');
    expect(render(items, 'markdown')).toContain('L<sub>∞</sub>-algebras');
    expect(render(items, 'latex')).toContain('L\\textsubscript{$\\infty$}-algebras at T\\textsubscript{eff}');
    expect(render(items, 'text')).toContain('L∞-algebras at Teff and eiπ');
  });

  it('leaves no backslash and no zero-width space in any of these', () => {
    for (const value of ['\\LaTeX', 'AND\\slash OR', '\\unknowncommand x', '$\\unknownmath$', '\\mbox{\\weird}']) {
      expect(title(value)).not.toMatch(/[\\\u200b]/);
    }
  });

  it('reports the commands it does not know, and reads the rest', () => {
    expect(readLatex('\\foo{Kept} and \\bar text $\\baz x$').unknown).toEqual(['foo', 'bar', 'baz']);
    expect(readLatex('\\emph{x} \\"a \\LaTeX $\\alpha$').unknown).toEqual([]);
  });

  it('leaves text with no LaTeX as it is', () => {
    expect(readLatex('Plain {NASA} title -- with ligatures').text).toBe('Plain {NASA} title -- with ligatures');
  });
});

describe('check reports the LaTeX commands it does not know', () => {
  it('names the field and the command, once per field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { cli } = await import('../helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-unknown-'));
    writeFileSync(
      join(dir, 'store.bib'),
      '@article{u, title = {\\foo{Kept} and \\foo{again}, \\LaTeX}, author = {Joe Benton}, journal = {J}, year = 2020}\n',
    );
    const run = await cli(['check', '--bib', join(dir, 'store.bib')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning [unknown-latex-command] entry "u": field "title" uses \\foo, which bibfolio does not know',
    );
    expect(run.stderr.match(/unknown-latex-command/g)).toHaveLength(1);
  });
});
