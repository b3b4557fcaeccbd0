/**
 * The lean start (issue 12): the installed command loads the heavy packages (src/vendor) only when a run needs them.
 * A run whose entries are all in the render cache loads neither citation-js nor citeproc-js, `--version` loads
 * nothing, neither a first nor a warm run loads `node:crypto`, makes `process.stderr` or loads ICU's collation data,
 * and what a run prints does not depend on which bundles it loaded. Observed through the launcher's loader,
 * wrapped by a preloaded script (test/fixtures/launch/record-bundles.cjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers.js';

const LAUNCHER = join(ROOT, 'dist/cli/launch.cjs');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly bundles: string[];
}

function project(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-lean-'));
  mkdirSync(join(dir, 'bib'));
  copyFileSync(join(ROOT, 'bib/publications.bib'), join(dir, 'bib/publications.bib'));
  copyFileSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
  return { dir, cache: join(dir, 'cache') };
}

function run(args: string[], dir: string, cache: string): Run {
  const log = join(dir, 'bundles.log');
  rmSync(log, { force: true });
  const result = spawnSync(process.execPath, ['--require', fixture('launch/record-bundles.cjs'), LAUNCHER, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cache, BIBFOLIO_TEST_BUNDLE_LOG: log },
  });
  const bundles = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: result.status, stdout: result.stdout, bundles: [...new Set(bundles)].sort() };
}

describe('the lean start', () => {
  beforeAll(() => {
    if (!existsSync(LAUNCHER)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  });

  it('loads no heavy package for --version', () => {
    const { dir, cache } = project();
    const version = run(['--version'], dir, cache);
    expect(version.status).toBe(0);
    expect(version.bundles).toEqual([]);
  });

  it('loads citation-js and citeproc-js for a first run, neither once every entry is cached, and prints the same', () => {
    const { dir, cache } = project();
    const args = ['format', '--to', 'html', '--group-by', 'year'];
    const first = run(args, dir, cache);
    expect(first.status).toBe(0);
    expect(first.bundles).toEqual(expect.arrayContaining(['citation-js.cjs', 'citeproc.cjs']));
    // a first run writes its caches under temporary names drawn without node:crypto (src/store/atomic-write.ts)
    expect(first.bundles).not.toContain('node:crypto');
    // nor does it make process.stderr: citation-js's logger makes its console when first used (scripts/bundle.mjs)
    expect(first.bundles).not.toContain('process.stderr');
    // nor compare strings by locale: citeproc-js's engine finds its sort separator when a sort key needs it
    // (scripts/bundle.mjs), and a list is sorted by bibfolio
    expect(first.bundles).not.toContain('ICU collator');
    const warm = run(args, dir, cache);
    expect(warm.status).toBe(0);
    expect(warm.bundles).not.toContain('citation-js.cjs');
    expect(warm.bundles).not.toContain('citeproc.cjs');
    expect(warm.bundles).not.toContain('axios.cjs');
    // cache keys are computed without node:crypto, which costs a run 4-6 ms to load (src/digest.ts)
    expect(warm.bundles).not.toContain('node:crypto');
    expect(warm.bundles).not.toContain('process.stderr');
    expect(warm.stdout).toBe(first.stdout);
    expect(warm.stdout).toContain('<strong class="bibfolio-owner">Joe Benton</strong>');
  });

  it('writes every output of the embedded config from the caches alone on a second run', () => {
    const { dir, cache } = project();
    const first = run(['publications'], dir, cache);
    expect(first.status).toBe(0);
    expect(first.bundles).not.toContain('node:crypto');
    expect(first.bundles).not.toContain('ICU collator');
    const outputs = ['dist/publications.md', 'dist/publications.html', 'dist/publications.tex'];
    const before = outputs.map((f) => readFileSync(join(dir, f), 'utf8'));
    rmSync(join(dir, 'dist'), { recursive: true });
    const warm = run(['publications'], dir, cache);
    expect(warm.status).toBe(0);
    expect(warm.bundles).not.toContain('citation-js.cjs');
    expect(warm.bundles).not.toContain('citeproc.cjs');
    expect(outputs.map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });
});
