/**
 * export-bib's policy for LaTeX commands, command by command and target by target (what passes, what is rewritten,
 * what is refused), then judged by the real programs: every passed or rewritten command compiles with pdflatex +
 * bibtex (plain, a document that loads no package) and pdflatex + biber + biblatex.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBib, type ExportTarget } from '../../src/export/export.js';
import { COMMAND_POLICY } from '../../src/export/command-policy.js';
import { publicationsOf } from '../../src/pipeline.js';
import { parseStore } from '../../src/store/parse.js';
import { missingTex, pdflatex, pdfText, run, squash, texDir } from '../tex/tex-tools.js';

function exported(source: string, target: ExportTarget) {
  const pubs = publicationsOf(parseStore(source, 'store.bib'));
  return exportBib(pubs.store.entries, pubs.items, { target, selectedOnly: false, file: 'store.bib' });
}
const titled = (title: string, key = 'k') =>
  `@article{${key},\n  title = {${title}},\n  author = {Doe, Jane},\n  journal = {J},\n  year = {2024}\n}\n`;
const titleOf = (text: string) => /title = \{(.*)\},?\n/.exec(text)?.[1];

/** Each command in a title, and what each target writes. */
const CASES: readonly [string, Record<ExportTarget, string>][] = [
  [
    'See \\url{https://x.org/a_b%20c}',
    { bibtex: 'See https://x.org/a\\_b\\%20c', biblatex: 'See https://x.org/a\\_b\\%20c' },
  ],
  ['See \\url{https://x.org/a_b}', { bibtex: 'See https://x.org/a\\_b', biblatex: 'See \\url{https://x.org/a_b}' }],
  ['See \\nolinkurl{x.org/a_b}', { bibtex: 'See x.org/a\\_b', biblatex: 'See \\nolinkurl{x.org/a_b}' }],
  ['See \\path{a_b}', { bibtex: 'See a\\_b', biblatex: 'See \\path{a_b}' }],
  ['The \\href{https://x.org}{Site} tool', { bibtex: 'The Site tool', biblatex: 'The Site tool' }],
  ['On \\enquote{Quoted} text', { bibtex: "On ``Quoted'' text", biblatex: 'On \\mkbibquote{Quoted} text' }],
  ['On \\mkbibquote{Quoted} text', { bibtex: "On ``Quoted'' text", biblatex: 'On \\mkbibquote{Quoted} text' }],
  [
    'An \\mkbibemph{emphasised} word',
    { bibtex: 'An \\emph{emphasised} word', biblatex: 'An \\mkbibemph{emphasised} word' },
  ],
  ['An \\mkbibitalic{italic} word', { bibtex: 'An \\textit{italic} word', biblatex: 'An \\mkbibitalic{italic} word' }],
  ['A \\mkbibbold{bold} word', { bibtex: 'A \\textbf{bold} word', biblatex: 'A \\mkbibbold{bold} word' }],
  ['A \\mkbibparens{note}', { bibtex: 'A (note)', biblatex: 'A \\mkbibparens{note}' }],
  ['A \\mkbibbrackets{note}', { bibtex: 'A [note]', biblatex: 'A \\mkbibbrackets{note}' }],
  ['Br\\ocirc{u}no', { bibtex: 'Br{\\r u}no', biblatex: 'Brůno' }],
  ['Br\\r{u}no', { bibtex: 'Br{\\r u}no', biblatex: 'Brůno' }],
  [
    'An \\emph{emphasised} and \\textbf{bold} word',
    {
      bibtex: 'An \\emph{emphasised} and \\textbf{bold} word',
      biblatex: 'An \\emph{emphasised} and \\textbf{bold} word',
    },
  ],
  ['Costs \\$5 and 10\\%', { bibtex: 'Costs \\$5 and 10\\%', biblatex: 'Costs \\$5 and 10\\%' }],
];

describe('the command policy, command by command', () => {
  it('covers every command of the table', () => {
    for (const name of Object.keys(COMMAND_POLICY))
      expect(
        CASES.some(([t]) => t.includes(`\\${name}{`)),
        name,
      ).toBe(true);
  });
  for (const target of ['bibtex', 'biblatex'] as const) {
    it.each(CASES.map(([title, out]) => [title, out[target]]))(`${target}: %s -> %s`, (title, expected) => {
      const result = exported(titled(title), target);
      expect(result.problems).toEqual([]);
      // the bibtex target braces capitalised words in titles; compare without those braces
      expect(titleOf(result.text)?.replace(/(?<![A-Za-z])\{(\p{Lu}\w*)\}/gu, '$1')).toBe(expected);
    });
    it.each(['\\input{/etc/passwd}', '\\write18{rm -rf /}', '\\def\\x{y}', '\\catcode`\\@=11', '\\usepackage{evil}'])(
      `${target}: refuses %s, naming entry and field`,
      (title) => {
        const result = exported(titled(title), target);
        expect(result.count).toBe(0);
        expect(result.problems[0]).toMatchObject({ severity: 'error', key: 'k', line: 1 });
        expect(result.problems[0]?.message).toMatch(/^field "title" /);
      },
    );
  }
  it('refuses a \\url whose address holds a brace', () => {
    const result = exported(titled('\\url{a{b}c}'), 'biblatex');
    expect(result.count).toBe(0);
    expect(result.problems[0]?.message).toMatch(/field "title" holds braces or a backslash/);
  });
});

describe.skipIf(missingTex.length > 0)('every passed or rewritten command compiles', () => {
  const store = CASES.map(([title], i) => titled(title, `c${i}`)).join('\n');

  it('bibtex target: plain style, a document that loads no package', () => {
    const dir = texDir();
    const result = exported(store, 'bibtex');
    expect(result.problems).toEqual([]);
    writeFileSync(join(dir, 'refs.bib'), result.text);
    writeFileSync(
      join(dir, 'doc.tex'),
      '\\documentclass{article}\\begin{document}\\nocite{*}\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n',
    );
    expect(pdflatex(dir, 'doc').status).toBe(0);
    const bibtex = run('bibtex', ['doc'], dir);
    expect(bibtex.status, bibtex.output).toBe(0);
    const final = pdflatex(dir, 'doc');
    expect(final.status, final.output).toBe(0);
    const text = squash(pdfText(dir, 'doc.pdf'));
    for (const word of ['Site', 'Quoted', 'emphasised', 'brůno', 'https://x.org/a', 'b%20c'])
      expect(text).toContain(squash(word));
  });

  it('biblatex target: biber, pdflatex, no hyperref or csquotes', () => {
    const dir = texDir();
    const result = exported(store, 'biblatex');
    expect(result.problems).toEqual([]);
    writeFileSync(join(dir, 'refs.bib'), result.text);
    writeFileSync(
      join(dir, 'doc.tex'),
      '\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\usepackage[backend=biber]{biblatex}\\addbibresource{refs.bib}\\begin{document}\\nocite{*}\\printbibliography\\end{document}\n',
    );
    expect(pdflatex(dir, 'doc').status).toBe(0);
    const biber = run('biber', ['doc'], dir);
    expect(biber.status, biber.output).toBe(0);
    expect(readFileSync(join(dir, 'doc.blg'), 'utf8')).not.toMatch(/ERROR|WARN/);
    const final = pdflatex(dir, 'doc');
    expect(final.status, final.output).toBe(0);
    const text = squash(pdfText(dir, 'doc.pdf'));
    for (const word of ['Site', 'Quoted', 'emphasised', 'brůno', 'https://x.org/a', 'b%20c'])
      expect(text).toContain(squash(word));
  });
});
