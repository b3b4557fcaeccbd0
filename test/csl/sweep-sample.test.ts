/**
 * The style sweep (scripts/sweep-styles.mjs) on a seeded random sample of the official CSL repository, every run, so
 * that neither the sweep nor what it checks can rot. The seed is fixed (SWEEP_SEED sets another) and is printed;
 * `node scripts/sweep-styles.mjs --sample 150 --seed N` reproduces a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from '../helpers.js';

const STYLES = join(SHARED, 'fixtures/csl-styles');
// a fixed seed, so that a failure reproduces tomorrow and CI judges the change, not the day; SWEEP_SEED widens it
const SEED = Number(process.env.SWEEP_SEED ?? 20792);

describe.skipIf(!existsSync(STYLES))('the style sweep, on a sample', () => {
  it(`renders 150 styles (seed ${SEED}) with the owner, the marks and the text right, or a clear error`, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bibfolio-sweep-')), 'report.json');
    const run = spawnSync(
      process.execPath,
      ['scripts/sweep-styles.mjs', '--sample', '150', '--seed', String(SEED), '--styles', STYLES, '--out', out],
      { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as { results: Array<{ name: string; kinds: string[] }> };
    const wrong = report.results
      .filter((r) => r.kinds.some((k) => !k.startsWith('refused:') && !k.includes('(as citeproc-js)')))
      .map((r) => `${r.name}: ${r.kinds.join(', ')}`);
    expect(report.results).toHaveLength(150);
    expect(wrong, `seed ${SEED}\n${run.stdout}`).toEqual([]);
    expect(run.status).toBe(0);
  }, 300_000);
});
