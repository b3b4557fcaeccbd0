/**
 * The corpus compile (scripts/export-compile.mjs) on a seeded sample of the robustness corpus, every run: each file
 * exported for both targets and compiled with pdflatex + bibtex (plain) and pdflatex + biber + biblatex; the export
 * adds no compile error the original file does not have. The seed is fixed (CORPUS_SEED sets another);
 * `node scripts/export-compile.mjs --sample 16 --seed N` reproduces a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from '../helpers.js';
import { missingTex } from './tex-tools.js';

const CORPUS = join(SHARED, 'fixtures/bib-real');
// a fixed seed, so that a failure reproduces tomorrow and CI judges the change, not the day; CORPUS_SEED widens it
const SEED = Number(process.env.CORPUS_SEED ?? 20792);

describe.skipIf(!existsSync(CORPUS) || missingTex.length > 0)('the corpus compile, on a sample', () => {
  it(`exports 16 corpus files (seed ${SEED}) that bibtex and biber compile with no added error`, () => {
    const report = join(mkdtempSync(join(tmpdir(), 'bibfolio-corpus-')), 'report.json');
    const run = spawnSync(
      process.execPath,
      ['scripts/export-compile.mjs', '--sample', '16', '--seed', String(SEED), '--report', report],
      { cwd: ROOT, encoding: 'utf8', timeout: 280_000 },
    );
    const { totals } = JSON.parse(readFileSync(report, 'utf8')) as {
      totals: { files: number; perTarget: Record<string, { written: number; added: number }> };
    };
    expect(totals.files).toBe(16);
    expect(Object.keys(totals.perTarget).sort()).toEqual(['biblatex', 'bibtex']);
    expect(totals.perTarget.bibtex?.written).toBeGreaterThan(0);
    expect(run.stdout, `seed ${SEED}`).toMatch(/^0 added compile errors$/m);
    expect(run.status).toBe(0);
  }, 300_000);
});
