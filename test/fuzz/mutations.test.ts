/**
 * A seeded mutation fuzzer over the embedded store: deleted braces, inserted bytes (NUL, invalid UTF-8, BibTeX's
 * own characters), truncation, duplicated entries, deleted runs. Each mutant goes through `check`, `format`,
 * `export-bib` and `sync-arxiv --dry-run` (against the fake arXiv). For every one: no unexpected error (a stack
 * trace's in-process form), no command over 5 s, no U+FFFD in any output, and every entry whose header starts a
 * line is printed or named (by line or key) in what the command says, or the whole run is refused loudly.
 *
 * FUZZ_SEED and FUZZ_COUNT pick another sample; a failure prints the seed and the mutant's number to reproduce it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { cli, EMBEDDED_STORE, ROOT } from '../helpers.js';
import { EMBEDDED_PAPERS } from '../sync/embedded-papers.js';
import { headers, mutate } from './mutate.js';
import { seededRandom } from '../../scripts/seeded-random.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const COUNT = Number(process.env.FUZZ_COUNT ?? 240);
const ORIGINAL = readFileSync(EMBEDDED_STORE);

let arxiv: FakeArxiv;
beforeAll(async () => {
  arxiv = await new FakeArxiv(EMBEDDED_PAPERS).start();
});
afterAll(async () => {
  await arxiv.stop();
});

describe('the mutation fuzzer', () => {
  it(`${COUNT} mutants of the embedded store (seed ${SEED}): nothing crashes, hangs, drops an entry silently or writes U+FFFD`, async () => {
    const random = seededRandom(SEED);
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-fuzz-'));
    cpSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
    const store = join(dir, 'store.bib');
    const failures: string[] = [];
    const kinds: Record<string, number> = {};
    /** Runs that printed a list or an export: where the oracle has entries to account for. */
    let printedRuns = 0;
    for (let n = 0; n < COUNT; n++) {
      const mutant = mutate(random, ORIGINAL);
      kinds[mutant.kind] = (kinds[mutant.kind] ?? 0) + 1;
      writeFileSync(store, mutant.bytes);
      const expected = headers(mutant.bytes);
      const runs: [string, string[]][] = [
        ['check', ['check', '--bib', store]],
        ['format', ['format', '--bib', store, '--to', 'json', '--out', '-']],
        ['export-bib', ['export-bib', '--bib', store, '--target', 'bibtex', '--out', '-']],
        ['sync-arxiv', ['sync-arxiv', '--bib', store, '--dry-run', '--api-url', arxiv.url, '--delay-ms', '0']],
      ];
      for (const [name, argv] of runs) {
        const fail = (why: string) => failures.push(`mutant ${n} (${mutant.kind}), ${name}: ${why}`);
        const started = Date.now();
        const run = await cli(argv, dir);
        if (Date.now() - started > 5000) fail(`took ${Date.now() - started} ms`);
        if (/unexpected error|\n\s+at /.test(run.stderr))
          fail(run.stderr.split('\n').find((l) => /unexpected/.test(l)) ?? run.stderr);
        if (/\ufffd/.test(run.stdout + run.stderr)) fail('U+FFFD in the output');
        if (run.code !== 0 && !/store\.bib/.test(run.stderr))
          fail(`exit ${run.code} without naming the file: ${run.stderr.slice(0, 200)}`);
        if (run.code !== 0 || name === 'sync-arxiv') continue;
        if (name !== 'check') printedRuns++;
        const printed = name === 'check' ? '' : run.stdout;
        for (const { line, key } of expected) {
          const named = run.stderr.includes(`store.bib:${line}:`) || (key !== '' && run.stderr.includes(`"${key}"`));
          const shown =
            name === 'check'
              ? /(\d+) entries/.test(run.stderr)
              : key !== '' && (printed.includes(key) || printed.includes(JSON.stringify(key).slice(1, -1)));
          if (!named && !shown) fail(`the entry at line ${line} ("${key}") is neither printed nor named`);
        }
        if (name === 'check') {
          const count = Number(/(\d+) entries/.exec(run.stderr)?.[1] ?? -1);
          const namedLines = new Set(
            expected.filter(({ line }) => run.stderr.includes(`store.bib:${line}:`)).map((h) => h.line),
          );
          if (count + namedLines.size < expected.length)
            fail(`check counts ${count} entries of ${expected.length} and names ${namedLines.size}`);
        }
      }
    }
    expect(Object.keys(kinds).length).toBe(6);
    // most mutants still print: the oracle is not vacuous
    expect(printedRuns).toBeGreaterThan(COUNT / 2);
    expect(failures, `seed ${SEED}`).toEqual([]);
  }, 600_000);
});
