/**
 * bibfolio's reading of BibTeX against pandoc's, a differential oracle (scripts/diff-pandoc.mjs), on a seeded sample
 * of the robustness corpus every run (a fixed seed; SWEEP_SEED sets another). Every disagreement must be
 * one of the checked-in table (test/fixtures/pandoc-differences.json), where each has the reason bibfolio's reading is
 * the right one; a new one fails, and so does one that no longer happens (the table shrinks with each fix).
 * `npm run diff-pandoc` runs the whole corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of this repository, with no type declarations
import { CORPUS, corpusFiles, diffCorpus } from '../../scripts/diff-pandoc.mjs';
// @ts-expect-error: likewise
import { sample } from '../../scripts/sweep-styles.mjs';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
// a fixed seed, so that a failure reproduces tomorrow and CI judges the change, not the day; SWEEP_SEED widens it
const SEED = Number(process.env.SWEEP_SEED ?? 20792);

interface Difference {
  readonly file: string;
  readonly key: string;
  readonly field: string;
  readonly bibfolio: string;
  readonly pandoc: string;
}

describe.skipIf(!hasPandoc || !existsSync(CORPUS))('reading BibTeX, against pandoc', () => {
  it(`agrees with pandoc on 150 corpus files (seed ${SEED}), but for the reasoned disagreements`, async () => {
    const files = sample(corpusFiles(), 150, SEED) as string[];
    const result = (await diffCorpus(files, { jobs: 2 })) as {
      entries: number;
      fresh: Difference[];
      gone: Difference[];
    };
    const show = (d: Difference): string =>
      `${d.file} ${d.key} ${d.field}\n  bibfolio: ${d.bibfolio}\n  pandoc:   ${d.pandoc}`;
    expect(result.fresh.map(show), `seed ${SEED}: new disagreements`).toEqual([]);
    expect(result.gone.map(show), `seed ${SEED}: fixed, remove them from the table`).toEqual([]);
  }, 240_000);
});
