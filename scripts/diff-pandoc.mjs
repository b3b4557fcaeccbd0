#!/usr/bin/env node
/**
 * `npm run diff-pandoc`: bibfolio's reading of BibTeX against pandoc's (`pandoc -f bibtex -t csljson`), a
 * differential oracle, over the robustness corpus (../shared/fixtures/bib-real). For every entry both read, it
 * compares the title, the author names and the container title after folding case, accents' composition, spaces and
 * markup, and lists each disagreement. Disagreements that are checked in (test/fixtures/pandoc-differences.json, with
 * the reason bibfolio's reading is the right one) are expected; any other is new.
 *
 *   node scripts/diff-pandoc.mjs [--sample N --seed S] [--jobs N] [--write] [--lib DIR]
 *
 * --write rewrites the table with the disagreements found (each new one gets the reason "TODO"; review them).
 * Exit 1 when a disagreement is new, or a checked-in one no longer happens (the table must shrink with fixes).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sample } from './sweep-styles.mjs';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = resolve(ROOT, '../shared/fixtures/bib-real');
export const TABLE = join(ROOT, 'test/fixtures/pandoc-differences.json');

export function corpusFiles(dir = CORPUS) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.bib')) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** The text a reader shows: no markup, one kind of space, composed accents, case folded. */
export function fold(text) {
  return String(text ?? '')
    .replace(/<[^>]+>/g, '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .trim()
    .toLocaleLowerCase('en');
}

const names = (list) =>
  (list ?? [])
    .map((n) =>
      fold(
        [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.literal].filter(Boolean).join(' '),
      ),
    )
    .join('; ');

const FIELDS = {
  title: (item) => fold(item.title),
  author: (item) => names(item.author),
  'container-title': (item) => fold(item['container-title']),
};

async function pandocItems(file) {
  try {
    const { stdout } = await run('pandoc', ['-f', 'bibtex', '-t', 'csljson', file], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    return JSON.parse(stdout);
  } catch {
    return undefined; // pandoc could not read the file: nothing to compare
  }
}

function bibfolioItems(lib, file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const store = lib.parseStore(text, file);
  const undefinedStrings = new Set(store.problems.filter((p) => p.code === 'undefined-string').map((p) => p.key));
  return lib
    .toCslItems(store.entries, file)
    .items.map((item) => ({ ...item, undefinedString: undefinedStrings.has(item.id) }));
}

/** Why a disagreement is bibfolio being right, where a rule can tell; otherwise the table's author writes it. */
function reasonFor(d, mine) {
  if (mine?.undefinedString)
    return 'an undefined @string: BibTeX leaves it empty and bibfolio does too (check warns undefined-string); pandoc prints the macro name';
  if (/[\\^_{}]/.test(d.pandoc) && !/[\\]/.test(d.bibfolio))
    return 'pandoc leaves LaTeX in the text; bibfolio reads it as TeX means it';
  const initials = (t) => t.replace(/\.\s+(?=\p{L}\.)/gu, '.');
  if (initials(d.pandoc) === initials(d.bibfolio)) return 'initials kept as written (W.V.), pandoc spaces them (W. V.)';
  return undefined;
}

/** The disagreements in one file: [{file, key, field, bibfolio, pandoc}]. */
export async function compareFile(lib, file) {
  const theirs = await pandocItems(file);
  if (!Array.isArray(theirs)) return { entries: 0, differences: [] };
  const ours = new Map(bibfolioItems(lib, file).map((item) => [item.id, item]));
  const differences = [];
  let entries = 0;
  for (const item of theirs) {
    const mine = ours.get(item.id);
    if (!mine) continue;
    entries++;
    for (const [field, get] of Object.entries(FIELDS)) {
      const a = get(mine);
      const b = get(item);
      if (a === b || (!a && !b)) continue;
      const d = { file: relative(CORPUS, file), key: item.id, field, bibfolio: a, pandoc: b };
      const reason = reasonFor(d, mine);
      differences.push(reason ? { ...d, rule: reason } : d);
    }
  }
  return { entries, differences };
}

export function loadTable() {
  return existsSync(TABLE) ? JSON.parse(readFileSync(TABLE, 'utf8')) : { differences: [] };
}

const keyOf = (d) => `${d.file}\u0000${d.key}\u0000${d.field}\u0000${d.bibfolio}\u0000${d.pandoc}`;

/** Compares files (in parallel) and checks the result against the table. */
export async function diffCorpus(files, { jobs = availableParallelism(), lib } = {}) {
  const library = lib ?? (await import(join(ROOT, 'dist/index.js')));
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < files.length) {
        const file = files[next++];
        results.push(await compareFile(library, file));
      }
    }),
  );
  const differences = results.flatMap((r) => r.differences).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const table = loadTable();
  const known = new Map(table.differences.map((d) => [keyOf(d), d]));
  const compared = new Set(files.map((f) => relative(CORPUS, f)));
  const found = new Set(differences.map(keyOf));
  return {
    entries: results.reduce((n, r) => n + r.entries, 0),
    differences,
    fresh: differences.filter((d) => !known.has(keyOf(d))),
    gone: table.differences.filter((d) => compared.has(d.file) && !found.has(keyOf(d))),
    known,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  let files = corpusFiles();
  const n = option('sample', undefined);
  if (n !== undefined) files = sample(files, Number(n), Number(option('seed', '1')));
  const libDir = option('lib', undefined);
  const lib = libDir ? await import(resolve(libDir, 'index.js')) : undefined;
  const started = Date.now();
  const result = await diffCorpus(files, { jobs: Number(option('jobs', String(availableParallelism()))), lib });
  const byField = {};
  for (const d of result.differences) byField[d.field] = (byField[d.field] ?? 0) + 1;
  console.log(
    `${files.length} files, ${result.entries} entries read by both, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `disagreements: ${result.differences.length} (${
      Object.entries(byField)
        .map(([f, c]) => `${f} ${c}`)
        .join(', ') || 'none'
    })`,
  );
  console.log(
    `  explained in the table: ${result.differences.length - result.fresh.length}; new: ${result.fresh.length}; no longer seen: ${result.gone.length}`,
  );
  for (const d of result.fresh.slice(0, 40))
    console.log(`  NEW ${d.file} ${d.key} ${d.field}\n      bibfolio: ${d.bibfolio}\n      pandoc:   ${d.pandoc}`);
  for (const d of result.gone.slice(0, 20)) console.log(`  GONE ${d.file} ${d.key} ${d.field}`);
  if (args.includes('--write')) {
    const differences = result.differences.map(({ rule, ...d }) => ({
      ...d,
      reason: [result.known.get(keyOf(d))?.reason, rule].find((r) => r && r !== 'TODO') ?? 'TODO',
    }));
    writeFileSync(
      TABLE,
      `${JSON.stringify({ pandoc: (await run('pandoc', ['--version'])).stdout.split('\n')[0], differences }, null, 1)}\n`,
    );
    console.log(`wrote ${relative(ROOT, TABLE)}`);
  }
  process.exitCode = result.fresh.length > 0 || result.gone.length > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
