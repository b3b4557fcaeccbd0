/**
 * Interrupted syncs: `kill -9` at seeded random moments of a real `bibfolio sync-arxiv` process (the built CLI) against
 * the fake arXiv. After every kill the store holds the old bytes or the complete new ones; the next run takes over the
 * dead run's lock at once, removes its temporary files, and ends with the same store and sidecar as a run that was
 * never interrupted.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { cli, ROOT } from '../helpers.js';
import { EMBEDDED_PAPERS } from './embedded-papers.js';
// @ts-expect-error: a plain script of this repository, with no type declarations
import { seededRandom } from '../../scripts/sweep-styles.mjs';

const LAUNCHER = join(ROOT, 'dist/cli/launch.cjs');
let server: FakeArxiv;

beforeAll(async () => {
  server = await new FakeArxiv(EMBEDDED_PAPERS).start();
});
afterAll(async () => {
  await server.stop();
});

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-kill-'));
  cpSync(join(ROOT, 'bib'), join(dir, 'bib'), { recursive: true });
  cpSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
  return dir;
}

const args = (): string[] => ['sync-arxiv', '--api-url', server.url, '--delay-ms', '0', '--refresh'];
const files = (dir: string) => ({
  store: readFileSync(join(dir, 'bib/publications.bib'), 'utf8'),
  sidecar: existsSync(join(dir, 'bib/publications.sync.json'))
    ? readFileSync(join(dir, 'bib/publications.sync.json'), 'utf8')
    : '',
});

/** Runs the CLI as a process and kills it with SIGKILL after `ms` (or lets it finish). */
function runAndKill(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args()], {
      cwd: dir,
      env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe.skipIf(!existsSync(LAUNCHER))('an interrupted sync', () => {
  it('leaves the old or the whole new store, and the next run ends as an uninterrupted one', async () => {
    const reference = project();
    const done = await cli(args(), reference, { XDG_CACHE_HOME: join(reference, 'cache') });
    expect(done.code).toBe(0);
    const expected = files(reference);
    const original = files(project()).store;

    const random = seededRandom(Number(process.env.SWEEP_SEED ?? 14));
    for (let round = 0; round < 10; round++) {
      const dir = project();
      await runAndKill(dir, 40 + Math.floor(random() * 600));
      const after = files(dir).store;
      expect([original, expected.store]).toContain(after);
      const next = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
      expect(next.code, next.stderr).toBe(0);
      expect(files(dir)).toEqual(expected);
      expect(readdirSync(join(dir, 'bib')).sort()).toEqual(['publications.bib', 'publications.sync.json']);
    }
  }, 120_000);

  it('takes over a lock whose holder is gone, and removes the temporary files it left', async () => {
    const dir = project();
    const lock = join(dir, 'bib/publications.bib.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    writeFileSync(join(dir, 'bib/publications.bib.2798660969'), 'half a store');
    writeFileSync(join(dir, 'bib/publications.sync.json.475758896'), '');
    const run = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /note: took over the lock bib\/publications\.bib\.lock: the bibfolio run that held it \(pid \d+\) is gone/,
    );
    expect(run.stderr).toMatch(/note: removed publications\.bib\.2798660969, publications\.sync\.json\.475758896/);
    expect(readdirSync(join(dir, 'bib')).sort()).toEqual(['publications.bib', 'publications.sync.json']);
  });

  it('still refuses a lock whose holder is alive', async () => {
    const dir = project();
    const lock = join(dir, 'bib/publications.bib.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const run = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is locked by another bibfolio run/);
  });
});

describe('a lock with no owner note (a run killed between taking the lock and naming itself)', () => {
  it('is taken over once a live run would have named itself', async () => {
    const dir = project();
    mkdirSync(join(dir, 'bib/publications.bib.lock'));
    const run = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/took over the lock .*killed before it named itself/);
  });
});
