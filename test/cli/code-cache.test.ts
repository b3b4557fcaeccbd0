/**
 * The launcher's V8 code caches (src/cli/launch.cts). V8 checks a cache only against the length of the source, and
 * runs the cached code of another source of the same length; so a new build of the same size (npm gives every file
 * the same date) must never be served an old build's cache. And a first run uses the caches the build made, and a
 * render worker the launcher's cache of citeproc-js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers.js';
import { generateStore } from '../../scripts/generate-store.mjs';

const NPM_DATE = new Date('1985-10-26T08:15:00.000Z');

function installed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-launch-'));
  for (const part of ['dist', 'package.json', 'styles', 'locales'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

function help(dir: string, cache: string): string {
  return spawnSync(process.execPath, [join(dir, 'dist/cli/launch.cjs'), '--help'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cache },
  }).stdout;
}

describe("the launcher's code caches", () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/bundles.json'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  });

  it('never runs the cache of another build of the same size and date', () => {
    const dir = installed();
    const cache = join(dir, 'cache');
    const bundle = join(dir, 'dist/bibfolio.cjs');
    // as npm installs a package: every file has the same date
    utimesSync(bundle, NPM_DATE, NPM_DATE);
    const before = help(dir, cache);
    expect(before).toContain('Keeps');
    // the next release: one word of the help changed, the same length, the same date (as npm installs it)
    const text = readFileSync(bundle, 'latin1');
    expect(text).toContain('Keeps');
    const next = text.replace('Keeps', 'KEEPS');
    writeFileSync(bundle, next, 'latin1');
    utimesSync(bundle, NPM_DATE, NPM_DATE);
    const manifest = JSON.parse(readFileSync(join(dir, 'dist/bundles.json'), 'utf8')) as Record<string, string>;
    manifest['bibfolio.cjs'] = createHash('sha256').update(next).digest('hex').slice(0, 32);
    writeFileSync(join(dir, 'dist/bundles.json'), JSON.stringify(manifest));
    const after = help(dir, cache);
    expect(after).toContain('KEEPS');
    expect(after).not.toContain('Keeps');
  });

  it('uses the caches the build made on a first run, and writes none of its own', () => {
    const dir = installed();
    const cache = join(dir, 'cache');
    expect(readdirSync(join(dir, 'dist/code-cache')).some((f) => f.startsWith('bibfolio-'))).toBe(true);
    expect(help(dir, cache)).toContain('Keeps');
    expect(existsSync(join(cache, 'bibfolio/v8'))).toBe(false);
  });

  it('runs without a cache, rather than by size and date, a bundle the build did not record', () => {
    const dir = installed();
    writeFileSync(join(dir, 'dist/bundles.json'), '{}');
    expect(help(dir, join(dir, 'cache'))).toContain('Keeps');
    expect(existsSync(join(dir, 'cache/bibfolio/v8'))).toBe(false);
  });

  it("starts render workers with the launcher's cache of citeproc-js, which V8 accepts", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-worker-cache-'));
    const store = join(dir, 'long.bib');
    writeFileSync(store, generateStore(400, 3));
    const log = join(dir, 'worker.log');
    // 400 entries to render cold: more than a worker is started for (render-session.ts), one worker
    const args = ['format', '--bib', store, '--style', 'cv', '--to', 'html', '--no-cache', '--jobs', '1'];
    const run = spawnSync(
      process.execPath,
      ['--require', fixture('launch/record-worker-caches.cjs'), join(ROOT, 'dist/cli/launch.cjs'), ...args],
      { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), BIBFOLIO_TEST_WORKER_LOG: log } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.match(/<li>/g)).toHaveLength(400);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['citeproc.cjs rejected=false']);
  });
});
