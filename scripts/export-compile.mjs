#!/usr/bin/env node
/**
 * `npm run export-compile`: the real programs judge export-bib over the robustness corpus (../shared/fixtures/bib-real).
 * Every file is exported for both targets and compiled: the bibtex target with pdflatex + bibtex (plain), the biblatex
 * target with pdflatex + biber + biblatex. An error is a bibtex error message, a biber ERROR or a pdflatex "!" line.
 * When an export has errors, the original file is compiled the same way, and the export's errors that the original
 * does not have (line numbers folded away) are "added": the target is zero.
 *
 *   node scripts/export-compile.mjs [--sample N --seed S] [--jobs N] [--only NAME] [--report FILE] [--lib DIR]
 *
 * --lib DIR judges another build's library (its dist/), for before-and-after figures.
 *
 * Prints totals: files, entries in, entries written, entries refused (by code), errors per program, added errors
 * per kind, and each file with added errors. Exit 1 when an error was added.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CORPUS, corpusFiles } from './diff-pandoc.mjs';
import { sample } from './sweep-styles.mjs';

const exec = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const BIBTEX_DOC =
  '\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{lmodern}\n\\begin{document}\\nocite{*}\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n';
const BIBLATEX_DOC =
  '\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\usepackage[backend=biber]{biblatex}\\addbibresource{refs.bib}\n\\begin{document}\\nocite{*}\\printbibliography\\end{document}\n';

async function tool(program, args, cwd) {
  try {
    const { stdout, stderr } = await exec(program, args, { cwd, timeout: 120_000, maxBuffer: 64 << 20 });
    return { status: 0, output: stdout + stderr };
  } catch (err) {
    return { status: err.code ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}`, killed: err.killed };
  }
}

const read = (path) => (existsSync(path) ? readFileSync(path, 'latin1') : '');

/** The error messages of one compile, line numbers folded so that two files' errors compare. */
function errorsOf(dir, engine) {
  const errors = [];
  const log = read(join(dir, 'doc.log'));
  for (const m of log.matchAll(/^! (.*)$/gm)) errors.push(`pdflatex: ${m[1]}`);
  const blg = read(join(dir, 'doc.blg'));
  if (engine === 'bibtex') {
    const lines = blg.split('\n');
    lines.forEach((line, i) => {
      if (/---line \d+ of file|^while executing---line/.test(line)) {
        const message = /^(.*?)---line/.exec(line)?.[1] || lines[i - 1] || '';
        if (!/^while executing/.test(message)) errors.push(`bibtex: ${message}`);
      }
    });
    if (/^\(There (?:was|were) \d+ error messages?\)/m.test(blg) && errors.every((e) => !e.startsWith('bibtex')))
      errors.push('bibtex: (an error with no line)');
  } else {
    for (const m of blg.matchAll(/ERROR - (.*)$/gm)) errors.push(`biber: ${m[1]}`);
  }
  return errors.map((e) =>
    e
      .replace(/\d+/g, 'N')
      .replace(/\/tmp\/[^\s'"]+/g, 'TMP')
      .trim(),
  );
}

async function compile(bibText, engine) {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-corpus-'));
  try {
    writeFileSync(join(dir, 'refs.bib'), bibText);
    writeFileSync(join(dir, 'doc.tex'), engine === 'bibtex' ? BIBTEX_DOC : BIBLATEX_DOC);
    const latex = ['-interaction=nonstopmode', '-no-shell-escape', 'doc'];
    await tool('pdflatex', latex, dir);
    const second = await tool(engine, ['doc'], dir);
    if (second.killed) return ['timeout: ' + engine];
    await tool('pdflatex', latex, dir);
    return errorsOf(dir, engine);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One file: both targets exported and compiled; the original compiled only when an export has errors. */
export async function judgeFile(lib, file) {
  const name = relative(CORPUS, file);
  let store;
  try {
    store = lib.readStore(file, name);
  } catch (err) {
    return { file: name, unreadable: String(err.message).split('\n')[0], targets: [] };
  }
  const pubs = lib.publicationsOf(store);
  const targets = [];
  for (const target of ['bibtex', 'biblatex']) {
    const engine = target === 'bibtex' ? 'bibtex' : 'biber';
    const result = lib.exportBib(pubs.store.entries, pubs.items, { target, selectedOnly: false, file: name });
    const refused = result.problems.filter((p) => p.severity === 'error').map((p) => p.code);
    const errors = result.count > 0 ? await compile(result.text, engine) : [];
    let added = [];
    if (errors.length > 0) {
      const original = new Set(await compile(readFileSync(file), engine));
      added = [...new Set(errors)].filter((e) => !original.has(e));
    }
    targets.push({ target, entries: pubs.store.entries.length, written: result.count, refused, errors, added });
  }
  return { file: name, targets };
}

export async function judgeCorpus(files, { jobs = availableParallelism(), lib, onFile } = {}) {
  const library = lib ?? (await import(join(ROOT, 'dist/index.js')));
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < files.length) {
        const file = files[next++];
        const result = await judgeFile(library, file);
        results.push(result);
        onFile?.(result, results.length, files.length);
      }
    }),
  );
  return results.sort((a, b) => a.file.localeCompare(b.file));
}

export function totals(results) {
  const t = { files: results.length, unreadable: 0, perTarget: {} };
  for (const r of results) {
    if (r.unreadable) t.unreadable++;
    for (const x of r.targets) {
      const s = (t.perTarget[x.target] ??= {
        entries: 0,
        written: 0,
        refused: {},
        filesWithErrors: 0,
        errors: 0,
        added: 0,
        addedKinds: {},
        addedFiles: [],
      });
      s.entries += x.entries;
      s.written += x.written;
      for (const code of x.refused) s.refused[code] = (s.refused[code] ?? 0) + 1;
      if (x.errors.length > 0) s.filesWithErrors++;
      s.errors += x.errors.length;
      s.added += x.added.length;
      for (const e of x.added) {
        const kind = e.replace(/".*$|for entry.*$|entry .*$/, '').slice(0, 70);
        s.addedKinds[kind] = (s.addedKinds[kind] ?? 0) + 1;
      }
      if (x.added.length > 0) s.addedFiles.push({ file: r.file, added: x.added });
    }
  }
  return t;
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let files = corpusFiles();
  const n = option('sample', undefined);
  if (n !== undefined) files = sample(files, Number(n), Number(option('seed', '1')));
  const only = option('only', undefined);
  if (only) files = files.filter((f) => f.includes(only));
  const started = Date.now();
  const libDir = option('lib', undefined);
  const results = await judgeCorpus(files, {
    jobs: Number(option('jobs', String(availableParallelism()))),
    ...(libDir ? { lib: await import(resolve(libDir, 'index.js')) } : {}),
    onFile: (_, done, all) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${all}`);
    },
  });
  const t = totals(results);
  const report = option('report', undefined);
  if (report) writeFileSync(report, `${JSON.stringify({ totals: t, results }, null, 2)}\n`);
  console.log(
    `${t.files} files (${t.unreadable} refused as unreadable, with a message) in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  let added = 0;
  for (const [target, s] of Object.entries(t.perTarget)) {
    added += s.added;
    const refused =
      Object.entries(s.refused)
        .map(([c, k]) => `${c} ${k}`)
        .join(', ') || 'none';
    console.log(
      `${target}: ${s.entries} entries in, ${s.written} written, refused by name: ${refused}; ` +
        `${s.filesWithErrors} files with compile errors (${s.errors} errors), ${s.added} added by the export`,
    );
    for (const [kind, k] of Object.entries(s.addedKinds).sort((a, b) => b[1] - a[1])) console.log(`  ${k}  ${kind}`);
    for (const f of s.addedFiles.slice(0, 30)) console.log(`  ${f.file}: ${f.added.join(' | ')}`);
  }
  console.log(`${added} added compile errors`);
  process.exitCode = added > 0 ? 1 : 0;
}
