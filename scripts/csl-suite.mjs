// `npm run csl-suite`: every fixture of the official CSL processor test suite (../shared/fixtures/csl-test-suite)
// run through plain citeproc-js and through bibfolio's engine (the command line's bundle of citeproc-js, with the
// build's changes, scripts/bundle.mjs, and bibfolio's runtime patches, src/csl/citeproc-patches.ts), in the way
// citeproc-js's own runner does (scripts/csl-suite/fixture.mjs). Prints the passes of each and every fixture where
// the two differ; exit 1 when any does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFixture } from './csl-suite/fixture.mjs';
import { compareLists } from './csl-suite/list-vs-bibliography.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SUITE = resolve(ROOT, '../shared/fixtures/csl-test-suite/humans');
const LOCALES = join(ROOT, 'locales');

/**
 * Two citeproc-js instances: bibfolio's, as the command line runs it (its bundle, dist/bundles/citeproc.cjs, with the
 * build's changes and the runtime patches), and plain citeproc-js from the package.
 */
export async function engines() {
  const { withBibfolioPatches } = await import('../dist/csl/citeproc.js');
  const require = createRequire(import.meta.url);
  const patched = withBibfolioPatches(require('../dist/bundles/citeproc.cjs').load());
  // a copy of its own: the package's module may be the library's, which bibfolio patches (csl/citeproc.ts)
  const path = require.resolve('citeproc');
  delete require.cache[path];
  const plain = require('citeproc');
  if (plain === patched) throw new Error('the plain citeproc-js is the patched one');
  for (const CSL of [plain, patched]) CSL.debug = () => undefined;
  return { plain, patched };
}

/** Every fixture file of the suite: the top level, experiments/ and off-spec/. */
export function fixtureFiles(dir = SUITE) {
  const out = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.isDirectory()) out.push(...fixtureFiles(join(dir, name.name)).map((f) => ({ ...f, group: name.name })));
    else if (name.name.endsWith('.txt'))
      out.push({ path: join(dir, name.name), name: name.name.replace(/\.txt$/, ''), group: '' });
  }
  return out;
}

const passes = (r) => r.error === undefined && r.output === r.expected;
const shown = (r) => (r.error !== undefined ? `error: ${r.error}` : r.output);

/** Runs the suite: per fixture, both results; the totals; the fixtures where plain and patched differ. */
export async function runSuite(files = fixtureFiles()) {
  const { plain, patched } = await engines();
  const results = files.map((f) => {
    const text = readFileSync(f.path, 'utf8');
    return {
      ...f,
      plain: runFixture(plain, text, f.name, LOCALES),
      patched: runFixture(patched, text, f.name, LOCALES),
    };
  });
  const top = results.filter((r) => r.group === '');
  return {
    results,
    fixtures: results.length,
    topLevel: top.length,
    plainPasses: top.filter((r) => passes(r.plain)).length,
    patchedPasses: top.filter((r) => passes(r.patched)).length,
    differ: results.filter((r) => shown(r.plain) !== shown(r.patched)),
    failing: top.filter((r) => !passes(r.patched)).map((r) => r.name),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(SUITE)) {
    console.error(`the CSL test suite is not at ${SUITE}`);
    process.exit(1);
  }
  const started = Date.now();
  const suite = await runSuite();
  console.log(
    `CSL test suite: ${suite.fixtures} fixtures (${suite.topLevel} at the top level), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`  plain citeproc-js:  ${suite.plainPasses} of ${suite.topLevel} pass`);
  console.log(`  bibfolio's engine:  ${suite.patchedPasses} of ${suite.topLevel} pass`);
  console.log(`  failing either way: ${suite.failing.join(', ') || 'none'}`);
  console.log(`  plain and patched differ on ${suite.differ.length} of ${suite.fixtures}`);
  for (const r of suite.differ) {
    console.log(
      `\n${r.group ? `${r.group}/` : ''}${r.name}\n  plain:   ${shown(r.plain).replace(/\n/g, '\n           ')}\n  patched: ${shown(r.patched).replace(/\n/g, '\n           ')}`,
    );
  }
  const disambiguate = process.argv.includes('--disambiguate');
  const lists = await compareLists(fixtureFiles(), (await engines()).plain, { disambiguate });
  const compared = lists.filter((l) => !l.skipped);
  const kinds = {};
  for (const l of compared) for (const d of l.differences) kinds[d.rule] = (kinds[d.rule] ?? 0) + 1;
  console.log(
    `\nLists${disambiguate ? ' (--disambiguate)' : ''} against the style's own bibliography: ${compared.length} bibliography fixtures, ${compared.filter((l) => l.differences.length === 0).length} identical, ${lists.length - compared.length} not rendered by citeproc-js`,
  );
  console.log(`  differing entries by the list rule that makes them: ${JSON.stringify(kinds)}`);
  if (process.argv.includes('--verbose'))
    for (const l of compared)
      for (const d of l.differences) console.log(`\n${l.name} [${d.rule}]\n  style: ${d.theirs}\n  list:  ${d.ours}`);
  process.exit(suite.differ.length === 0 ? 0 : 1);
}
