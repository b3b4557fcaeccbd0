#!/usr/bin/env node
/**
 * Writes src/latex/plain-latex-commands.ts: the commands of unicode2latex's table (the LaTeX it writes for a
 * character) and of its textcomp table (which LaTeX has loaded itself since 2020) that a plain document defines, as
 * pdflatex itself answers: `\documentclass{article}` with fontenc T1 and textcomp, each command asked with
 * `\ifdefined`. A character whose LaTeX needs anything more (`\dbend` for U+FFFD needs manfnt, `\ding` pifont,
 * `\smiley` wasysym) has no plain LaTeX form, and the export copies its entry as written instead of writing a command
 * the document cannot run. Run it again when unicode2latex is updated:
 *
 *   node scripts/plain-latex-commands.mjs
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules/unicode2latex');
const { base, package: packages } = JSON.parse(readFileSync(join(pkg, 'dist/tables/bibtex.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));

const commands = new Set();
for (const forms of [...Object.values(base), ...Object.values(packages.textcomp)])
  for (const latex of [forms.text, forms.math])
    for (const m of (latex ?? '').matchAll(/\\([A-Za-z]+)/g)) commands.add(m[1]);
const names = [...commands].sort();

const dir = mkdtempSync(join(tmpdir(), 'bibfolio-plain-latex-'));
const probe = [
  '\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{textcomp}\\begin{document}',
  ...names.map((name) => `\\ifdefined\\${name}\\typeout{DEFINED:${name}}\\fi`),
  '\\end{document}',
].join('\n');
writeFileSync(join(dir, 'probe.tex'), probe);
const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'probe.tex'], {
  cwd: dir,
  encoding: 'utf8',
});
if (run.status !== 0) throw new Error(`pdflatex failed:\n${run.stdout}`);
const log = readFileSync(join(dir, 'probe.log'), 'utf8');
rmSync(dir, { recursive: true, force: true });
const defined = names.filter((name) => log.includes(`\nDEFINED:${name}\n`));

/** Items joined by ", " into lines of at most 118 characters, indented by two spaces. */
function lines(items) {
  const rows = [''];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row !== '' && row.length + item.length + 2 > 116) rows.push(item);
    else rows[rows.length - 1] = row === '' ? item : `${row}, ${item}`;
  }
  return rows.map((row) => `  ${row},`).join('\n');
}

const out = `/**
 * The commands of unicode2latex's table and its textcomp table (${version}) that a plain LaTeX document defines
 * (article, fontenc T1, textcomp), as pdflatex answered: data, written by scripts/plain-latex-commands.mjs
 * (${defined.length} of ${names.length}).
 */
// prettier-ignore
export const PLAIN_LATEX_COMMANDS: ReadonlySet<string> = new Set([
${lines(defined.map((name) => `'${name}'`))}
]);
`;
writeFileSync(join(root, 'src/latex/plain-latex-commands.ts'), out);
console.log(
  `src/latex/plain-latex-commands.ts: ${defined.length} of ${names.length} commands are defined in a plain document`,
);
