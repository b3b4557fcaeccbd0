/**
 * export-bib's block cache (src/engine/export-blocks.ts): a run served from the cache writes the same bytes and says
 * the same things as a run without it, an edited entry is exported afresh, and an entry that names another
 * (`crossref`) follows the other's fate on every run.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EMBEDDED_STORE } from '../helpers.js';

const CROSSREF = `
@inproceedings{child2024,
  author = {Benton, Joe and M{\\"u}ller, Anna},
  title = {A Chapter},
  crossref = {parent2024},
}

@proceedings{parent2024,
  title = {Proceedings of Things},
  year = {2024},
  editor = {Doe, Jane},
}

@article{warned2024,
  author = {Miller, D., Firby, J. and Dean, T.},
  title = {Has a Warning},
  journal = {J},
  year = {2024},
}
`;

function project(): { dir: string; env: Record<string, string>; store: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-export-cache-'));
  const store = join(dir, 'publications.bib');
  writeFileSync(store, readFileSync(EMBEDDED_STORE, 'utf8') + CROSSREF);
  return { dir, env: { XDG_CACHE_HOME: join(dir, 'cache') }, store };
}

describe('export-bib from its cache', () => {
  it('writes the same bytes and prints the same lines, cold and warm, for both targets', async () => {
    const { dir, env, store } = project();
    for (const target of ['bibtex', 'biblatex']) {
      const runs = [];
      for (let i = 0; i < 2; i++)
        runs.push(await cli(['export-bib', '--bib', store, '--target', target, '--out', '-'], dir, env));
      const [cold, warm] = runs;
      expect(cold?.code, cold?.stderr).toBe(0);
      expect(warm?.stdout).toBe(cold?.stdout);
      expect(warm?.stderr).toBe(cold?.stderr);
      expect(cold?.stdout).toContain('@inproceedings{child2024');
      expect(warm?.stderr).toMatch(/warned2024.*"Miller, D\., Firby, J\." .*written as/);
    }
    // the repaired name list is said on the warm run too (the block's warnings are kept with it)
    const exports = join(dir, 'cache/bibfolio/exports');
    const kept = readFileSync(join(exports, readdirSync(exports)[0] as string), 'utf8');
    expect(kept).toContain('written as');
    // an entry that names another is never kept
    expect(kept).not.toContain('child2024');
  });

  it('exports an edited entry afresh', async () => {
    const { dir, env, store } = project();
    await cli(['export-bib', '--bib', store, '--out', '-'], dir, env);
    writeFileSync(store, readFileSync(store, 'utf8').replace('title = {Has a Warning}', 'title = {Has a New Title}'));
    const warm = await cli(['export-bib', '--bib', store, '--out', '-'], dir, env);
    expect(warm.stdout).toContain('Has a New Title');
    expect(warm.stdout).not.toContain('Has a Warning');
  });

  it('drops a crossref to an entry left out by --keys, and keeps it when both are exported, whatever ran before', async () => {
    const { dir, env, store } = project();
    const both = await cli(['export-bib', '--bib', store, '--keys', 'child2024,parent2024', '--out', '-'], dir, env);
    expect(both.stdout).toMatch(/crossref = \{parent2024\}/);
    const childOnly = await cli(['export-bib', '--bib', store, '--keys', 'child2024', '--out', '-'], dir, env);
    expect(childOnly.stdout).not.toContain('crossref');
    expect(childOnly.stderr).toContain('crossref names "parent2024"');
    const again = await cli(['export-bib', '--bib', store, '--keys', 'child2024,parent2024', '--out', '-'], dir, env);
    expect(again.stdout).toBe(both.stdout);
  });

  it('after a @preamble or @string edit writes what a run with an empty cache writes', async () => {
    const { dir, env, store } = project();
    const defined = (name: string): string =>
      `@preamble{"\\newcommand{\\tool}{${name}}"}\n@string{ven = "${name} Venue"}\n` +
      readFileSync(EMBEDDED_STORE, 'utf8') +
      `@misc{tool2024, title = {Using \\tool{}}, howpublished = ven, author = {Benton, Joe}, year = {2024}}\n`;
    const run = (cacheEnv: Record<string, string>) =>
      cli(['export-bib', '--bib', store, '--target', 'biblatex', '--out', '-'], dir, cacheEnv);
    writeFileSync(store, defined('Alpha'));
    expect((await run(env)).stdout).toContain('Alpha Venue');
    writeFileSync(store, defined('Beta'));
    const warm = await run(env);
    const empty = await run({ XDG_CACHE_HOME: join(dir, 'empty-cache') });
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stdout).toContain('Beta Venue');
    expect(warm.stdout).toBe(empty.stdout);
    expect(warm.stderr).toBe(empty.stderr);
  });

  it.each([['export-bib', '--out', '-'], ['check']])(
    '%s --no-cache says what a run through the cache says, and leaves no cache',
    async (...args) => {
      const { dir, env, store } = project();
      const withCache = await cli([...args, '--bib', store], dir, env);
      const afresh = await cli([...args, '--bib', store, '--no-cache'], dir, { XDG_CACHE_HOME: join(dir, 'no-cache') });
      expect(afresh.stdout).toBe(withCache.stdout);
      expect(afresh.stderr).toBe(withCache.stderr);
      expect(afresh.code).toBe(withCache.code);
      expect(existsSync(join(dir, 'no-cache'))).toBe(false);
    },
  );

  it('export-hugo --no-cache writes the bundles a run through the cache writes, and leaves no cache', async () => {
    const { dir, env, store } = project();
    await cli(['export-hugo', '--bib', store, '--out', 'cached'], dir, env);
    const afresh = await cli(['export-hugo', '--bib', store, '--out', 'afresh', '--no-cache'], dir, {
      XDG_CACHE_HOME: join(dir, 'no-cache'),
    });
    expect(afresh.code, afresh.stderr).toBe(0);
    const bundles = readdirSync(join(dir, 'cached'));
    expect(readdirSync(join(dir, 'afresh'))).toEqual(bundles);
    for (const bundle of bundles)
      expect(readFileSync(join(dir, 'afresh', bundle, 'index.md'), 'utf8')).toBe(
        readFileSync(join(dir, 'cached', bundle, 'index.md'), 'utf8'),
      );
    expect(existsSync(join(dir, 'no-cache'))).toBe(false);
  });
});
