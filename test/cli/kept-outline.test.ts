/**
 * The installed command keeps the outline of a long store for its next run (engine/outline-snapshot.ts, with the
 * build's scanner identity): after each edit (a title changed, an entry added, an entry broken, then mended) it prints
 * what a run without any cache prints, on standard output and on standard error, with the same exit code. A run after
 * one edit does not load node:crypto.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStore } from '../../scripts/generate-store.mjs';
import { fixture, ROOT } from '../helpers.js';

const LAUNCHER = join(ROOT, 'dist/cli/launch.cjs');

describe("the command's kept outline", () => {
  it('gives after every edit what a run without cache gives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-kept-cli-'));
    const cache = join(dir, 'cache');
    const run = (...extra: string[]) => {
      const r = spawnSync(
        process.execPath,
        [
          LAUNCHER,
          'format',
          '--bib',
          'store.bib',
          '--to',
          'markdown',
          '--owner',
          'Joe Benton',
          '--jobs',
          '0',
          ...extra,
        ],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } },
      );
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const source = generateStore(400, 5);
    const middle = source.indexOf('\n@', source.length / 2);
    const edits = [
      source,
      source.replace('title = {', 'title = {Renamed '),
      `${source.slice(0, middle)}\n@misc{added2026, title = {Added}, author = {Benton, Joe}, year = 2026}\n${source.slice(middle)}`,
      // an entry whose closing brace is gone: an error naming its line, the next entries read as before
      source.slice(0, middle) + source.slice(middle).replace(/\}\s*\n\s*@/, '\n@'),
      source,
    ];
    for (const text of edits) {
      writeFileSync(join(dir, 'store.bib'), text);
      const kept = run();
      expect(kept).toEqual(run('--no-cache'));
    }
    const kept = readdirSync(join(cache, 'bibfolio/outline')).filter((f) => f.endsWith('.bin'));
    expect(kept).toHaveLength(1);
    // a run of the same text reads the kept outline and leaves it as it is
    const file = join(cache, 'bibfolio/outline', kept[0] as string);
    const written = statSync(file).mtimeMs;
    expect(run().code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(written);
    // a run after one edit hashes that entry with the JavaScript digest: node:crypto (4-6 ms to load) is not loaded
    writeFileSync(join(dir, 'store.bib'), source.replace('title = {', 'title = {Edited '));
    const log = join(dir, 'loaded.log');
    const edited = spawnSync(
      process.execPath,
      ['--require', fixture('launch/record-bundles.cjs'), LAUNCHER, 'format', '--bib', 'store.bib', '--jobs', '0'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, BIBFOLIO_TEST_BUNDLE_LOG: log } },
    );
    expect(edited.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('citeproc.cjs');
    expect(readFileSync(log, 'utf8')).not.toContain('node:crypto');
  }, 120_000);
});
