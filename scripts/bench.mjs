#!/usr/bin/env node
/**
 * `npm run bench`: bibfolio against `pandoc --citeproc`, whole processes side by side, medians of several rounds.
 *
 *   node scripts/bench.mjs [--sizes 25,1000,10000] [--rounds 5] [--out bench/]
 *
 * For each generated store size: `bibfolio format --style cv --to html` and `pandoc --citeproc` with the same
 * styles/cv.csl, then the same with the author-date style (APA), cold (`--no-cache`) and with the render cache warm;
 * on the largest store also `export-bib`, `check`, and a second `format` after one entry changed. It prints a table
 * with the ratios bibfolio/pandoc and writes it as JSON under bench/ (ignored by git). Peak memory comes from GNU
 * time when it is installed. Without pandoc, bibfolio's own figures are still printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './generate-store.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const sizes = option('sizes', '25,2000,10000').split(',').map(Number);
const rounds = Number(option('rounds', '5'));
const outDir = resolve(ROOT, option('out', 'bench'));
const work = join(outDir, 'work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const has = (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const pandoc = has('pandoc');
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const launcher = join(ROOT, 'dist/cli/launch.cjs');
if (!existsSync(launcher)) {
  console.error('bench: dist/ is not built; run `npm run build` first');
  process.exit(1);
}

// the styles as files, for pandoc
const cvCsl = join(ROOT, 'styles/cv.csl');
const apaCsl = join(work, 'apa.csl');
const { loadStyle } = await import(join(ROOT, 'dist/csl/registry.js'));
writeFileSync(apaCsl, loadStyle('apa').xml);
const nocite = join(work, 'nocite.md');
writeFileSync(nocite, '---\nnocite: "@*"\n---\n');

/** Runs a command once; seconds and peak memory (MiB) when GNU time is there. */
function once(command, commandArgs, env, okStatus = [0]) {
  const started = process.hrtime.bigint();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      })
    : spawnSync(command, commandArgs, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!okStatus.includes(run.status))
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const kb = gnuTime ? Number(run.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, mib: kb / 1024 };
}

/** pandoc rendering every entry of `bibFile` with `csl` to HTML. */
const pandocArgs = (csl, bibFile) => [
  '--citeproc',
  '--csl',
  csl,
  '--bibliography',
  bibFile,
  '-t',
  'html',
  '-o',
  join(work, 'pandoc.html'),
  nocite,
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Several rounds; `before` runs before each round (not timed). */
function measure(command, commandArgs, env = {}, before = () => {}, okStatus = [0]) {
  const results = [];
  for (let i = 0; i < rounds; i++) {
    before(i);
    results.push(once(command, commandArgs, env, okStatus));
  }
  return { seconds: median(results.map((r) => r.seconds)), mib: Math.max(...results.map((r) => r.mib)) };
}

/**
 * Issue 12's targets, by task: a ratio to pandoc at most, or seconds at most. `sizes` limits a target to the store
 * sizes it was set for.
 */
const TARGETS = [
  { task: 'format (embedded store), cache warm', ratio: 1.0 },
  { task: 'format (embedded store), first run', ratio: 2.0 },
  { task: 'format --style cv (cold, --no-cache)', sizes: [2000], ratio: 0.6 },
  { task: 'format --style apa (cold, --no-cache)', sizes: [2000], ratio: 1.0 },
  { task: 'format --style cv (cold, --no-cache)', sizes: [10000], ratio: 0.35 },
  { task: 'format --style apa (cold, --no-cache)', sizes: [10000], ratio: 0.6 },
  { task: 'format --style apa (cold, --no-cache)', sizes: [10000], mib: 400 },
  { task: 'format after one entry changed', sizes: [10000], ratio: 0.04 },
  { task: 'export-bib', sizes: [10000], seconds: 1.0 },
  { task: 'check', sizes: [10000], seconds: 1.0 },
];
const targetsOf = (size, task) => TARGETS.filter((t) => t.task === task && (!t.sizes || t.sizes.includes(size)));
const verdict = (target, entry) => {
  if (target.ratio !== undefined)
    return entry.ratio == null ? null : { goal: `<= ${target.ratio.toFixed(2)}x`, met: entry.ratio <= target.ratio };
  if (target.seconds !== undefined)
    return { goal: `< ${target.seconds} s`, met: entry.bibfolioSeconds < target.seconds };
  if (Number.isNaN(entry.bibfolioMiB)) return null;
  return { goal: `<= ${target.mib} MiB`, met: entry.bibfolioMiB <= target.mib };
};

const rows = [];
const row = (size, task, bibfolio, reference) => {
  const entry = {
    size,
    task,
    bibfolioSeconds: bibfolio.seconds,
    bibfolioMiB: bibfolio.mib,
    pandocSeconds: reference?.seconds ?? null,
    pandocMiB: reference?.mib ?? null,
    ratio: reference ? bibfolio.seconds / reference.seconds : null,
  };
  entry.targets = targetsOf(size, task).flatMap((t) => {
    const v = verdict(t, entry);
    return v ? [v] : [];
  });
  rows.push(entry);
  const fmt = (s) => (s == null ? '     -' : s.toFixed(3).padStart(6));
  const mem = (m) => (m == null || Number.isNaN(m) ? '    -' : m.toFixed(0).padStart(5));
  console.log(
    `${String(size).padStart(6)}  ${task.padEnd(38)} ${fmt(entry.bibfolioSeconds)} s ${mem(entry.bibfolioMiB)} MiB   ${fmt(entry.pandocSeconds)} s ${mem(entry.pandocMiB)} MiB   ${entry.ratio == null ? '   -' : entry.ratio.toFixed(2).padStart(5)}  ${entry.targets.map((t) => `target ${t.goal}: ${t.met ? 'met' : 'NOT met'}`).join('; ')}`,
  );
};

console.log(
  `bibfolio benchmark: ${rounds} rounds, medians; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  pandoc
    ? `reference: ${execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]}`
    : "pandoc is not installed: bibfolio's own figures only (apt-get install pandoc for the comparison)",
);
if (!gnuTime) console.log('GNU time is not installed: no peak memory figures (apt-get install time)');
console.log(
  `\n  size  task                                   bibfolio        peak       pandoc        peak   ratio  target`,
);

const cache = join(work, 'cache');
const bib = (size) => join(work, `store-${size}.bib`);
for (const size of sizes) {
  writeFileSync(bib(size), generateStore(size));
  const env = { XDG_CACHE_HOME: cache };
  // one unmeasured run: the code cache the launcher keeps exists from the first run on, as it does for a user
  once('node', [launcher, '--version'], env);
  for (const [name, csl] of [
    ['cv', cvCsl],
    ['apa', apaCsl],
  ]) {
    const reference = pandoc ? measure('pandoc', pandocArgs(csl, bib(size))) : undefined;
    row(
      size,
      `format --style ${name} (cold, --no-cache)`,
      measure(
        'node',
        [
          launcher,
          'format',
          '--bib',
          bib(size),
          '--style',
          name,
          '--to',
          'html',
          '--no-cache',
          '--out',
          join(work, 'out.html'),
        ],
        env,
      ),
      reference,
    );
    once(
      'node',
      [launcher, 'format', '--bib', bib(size), '--style', name, '--to', 'html', '--out', join(work, 'out.html')],
      env,
    );
    row(
      size,
      `format --style ${name} (render cache warm)`,
      measure(
        'node',
        [launcher, 'format', '--bib', bib(size), '--style', name, '--to', 'html', '--out', join(work, 'out.html')],
        env,
      ),
      reference,
    );
  }
}

const largest = Math.max(...sizes);
const env = { XDG_CACHE_HOME: cache };
const reference = pandoc ? measure('pandoc', pandocArgs(cvCsl, bib(largest))) : undefined;
// a second format after one entry changed: each round changes another entry's title, then renders
const original = readFileSync(bib(largest), 'utf8');
once(
  'node',
  [launcher, 'format', '--bib', bib(largest), '--style', 'cv', '--to', 'html', '--out', join(work, 'out.html')],
  env,
);
row(
  largest,
  'format after one entry changed',
  measure(
    'node',
    [launcher, 'format', '--bib', bib(largest), '--style', 'cv', '--to', 'html', '--out', join(work, 'out.html')],
    env,
    (i) => {
      const at = original.indexOf(`{bench${i * 7 + 1},`);
      const title = original.indexOf('title = {', at) + 'title = {'.length;
      writeFileSync(bib(largest), `${original.slice(0, title)}Changed ${i} ${original.slice(title)}`);
    },
  ),
  reference,
);
writeFileSync(bib(largest), original);
// export-bib and check are measured with their caches warm: one unmeasured run of each first
once('node', [launcher, 'export-bib', '--bib', bib(largest), '--out', join(work, 'export.bib')], env);
once('node', [launcher, 'check', '--bib', bib(largest)], env, [0, 1]);
row(
  largest,
  'export-bib',
  measure('node', [launcher, 'export-bib', '--bib', bib(largest), '--out', join(work, 'export.bib')], env),
);
// check exits 1 when it finds errors; what is measured is the time it takes to find them
row(
  largest,
  'check',
  measure('node', [launcher, 'check', '--bib', bib(largest)], env, () => {}, [0, 1]),
);
// the embedded store against pandoc on the same file and style: with the caches warm, and as a first run (an empty
// cache folder each round: no render cache, no code cache but the one the build made)
const embeddedBib = join(ROOT, 'bib/publications.bib');
const embeddedArgs = [launcher, 'format', '--config', join(ROOT, 'bibfolio.config.json'), '--to', 'html'];
const embeddedPandoc = pandoc ? measure('pandoc', pandocArgs(cvCsl, embeddedBib)) : undefined;
once('node', embeddedArgs, env);
row(16, 'format (embedded store), cache warm', measure('node', embeddedArgs, env), embeddedPandoc);
const firstRun = join(work, 'first-run');
row(
  16,
  'format (embedded store), first run',
  measure('node', embeddedArgs, { XDG_CACHE_HOME: firstRun }, () => rmSync(firstRun, { recursive: true, force: true })),
  embeddedPandoc,
);

mkdirSync(outDir, { recursive: true });
const file = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, rounds, pandoc: pandoc ? execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0] : null, rows }, null, 2)}\n`,
);
const judged = rows.flatMap((r) => r.targets.map((t) => ({ ...t, row: r })));
const missed = judged.filter((t) => !t.met);
console.log(
  `\ntargets (issue 12): ${judged.length - missed.length} of ${judged.length} met` +
    (missed.length ? `; not met: ${missed.map((t) => `${t.row.size} ${t.row.task} (${t.goal})`).join(', ')}` : ''),
);
console.log(`written ${file}`);
