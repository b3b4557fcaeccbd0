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
import { emptySidecar, parseSidecar, serializeSidecar, withPending } from '../../src/sync/sidecar.js';
// @ts-expect-error: a plain script of this repository, with no type declarations
import { seededRandom } from '../../scripts/sweep-styles.mjs';

const LAUNCHER = join(ROOT, 'dist/cli/launch.cjs');
let server: FakeArxiv;
/** arXiv a version later: one author of a paper the first sync completed is renamed. */
let later: FakeArxiv;
const LATER_PAPERS = EMBEDDED_PAPERS.map((paper) =>
  paper.authors.includes('Placeholder Author1')
    ? {
        ...paper,
        version: (paper.version ?? 1) + 1,
        authors: paper.authors.map((a) => (a === 'Placeholder Author1' ? 'Placeholder Renamed' : a)),
      }
    : paper,
);

beforeAll(async () => {
  server = await new FakeArxiv(EMBEDDED_PAPERS).start();
  later = await new FakeArxiv(LATER_PAPERS).start();
});
afterAll(async () => {
  await server.stop();
  await later.stop();
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

  it('takes over a lock whose holder is gone, and removes the temporary files it left, and only those', async () => {
    const dir = project();
    // an older bibfolio's lock: a folder with its owner's note
    const lock = join(dir, 'bib/publications.bib.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    writeFileSync(join(dir, 'bib/publications.bib.bibfolio-tmp-0123456789abcdef'), 'half a store');
    writeFileSync(join(dir, 'bib/publications.sync.json.bibfolio-tmp-fedcba9876543210'), '');
    // the owner's own backups, named as people and editors name them
    const backups = [
      'publications.bib.1',
      'publications.bib.20240101',
      'publications.sync.json.1',
      'publications.bib.bak',
    ];
    for (const name of backups) writeFileSync(join(dir, 'bib', name), `backup ${name}`);
    const run = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /note: took over the lock bib\/publications\.bib\.lock: the bibfolio run that held it is gone \(pid \d+ is not running\)/,
    );
    expect(run.stderr).toMatch(
      /note: removed publications\.bib\.bibfolio-tmp-0123456789abcdef, publications\.sync\.json\.bibfolio-tmp-fedcba9876543210/,
    );
    expect(readdirSync(join(dir, 'bib')).sort()).toEqual(
      ['publications.bib', 'publications.sync.json', ...backups].sort(),
    );
    for (const name of backups) expect(readFileSync(join(dir, 'bib', name), 'utf8')).toBe(`backup ${name}`);
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

describe('a sync stopped between writing the store and its sidecar', () => {
  const laterArgs = (): string[] => ['sync-arxiv', '--api-url', later.url, '--delay-ms', '0', '--refresh'];
  const write = (dir: string, store: string, sidecar: string): void => {
    writeFileSync(join(dir, 'bib/publications.bib'), store);
    if (sidecar !== '') writeFileSync(join(dir, 'bib/publications.sync.json'), sidecar);
  };
  const sidecarOf = (text: string) => (text === '' ? emptySidecar() : parseSidecar(text, 'sidecar'));

  /** The two syncs, uninterrupted: what every recovered run must end with. */
  async function reference(): Promise<{ first: ReturnType<typeof files>; second: ReturnType<typeof files> }> {
    const dir = project();
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    expect((await cli(args(), dir, env)).code).toBe(0);
    const first = files(dir);
    expect((await cli(laterArgs(), dir, env)).code).toBe(0);
    return { first, second: files(dir) };
  }

  it('after the store was replaced: the pending record is adopted, so synced fields still follow arXiv', async () => {
    const { first, second } = await reference();
    expect(second.store).toContain('Renamed, Placeholder');
    const dir = project();
    const old = files(dir);
    const pending = withPending(sidecarOf(old.sidecar), sidecarOf(first.sidecar), first.store);
    write(dir, first.store, serializeSidecar(pending));
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const run = await cli(laterArgs(), dir, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /note: the last sync was stopped after writing bib\/publications\.bib; its record .* is completed/,
    );
    expect(files(dir)).toEqual(second);
  }, 60_000);

  it('before the store was replaced: the pending record is dropped and the next run ends as an uninterrupted one', async () => {
    const { first } = await reference();
    const dir = project();
    const old = files(dir);
    const pending = withPending(sidecarOf(old.sidecar), sidecarOf(first.sidecar), first.store);
    write(dir, old.store, serializeSidecar(pending));
    const run = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/its unfinished record in bib\/publications\.sync\.json is dropped/);
    expect(files(dir)).toEqual(first);
  }, 60_000);

  it('the old order (new store, old sidecar) would have kept a synced author list as a hand edit', async () => {
    const { first, second } = await reference();
    const dir = project();
    write(dir, first.store, files(dir).sidecar);
    const run = await cli(laterArgs(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code, run.stderr).toBe(0);
    expect(files(dir).store).not.toEqual(second.store);
  }, 60_000);
});

describe('a lock with no owner note (a run killed between taking the lock and naming itself)', () => {
  it('is taken over once a live run would have named itself', async () => {
    const dir = project();
    mkdirSync(join(dir, 'bib/publications.bib.lock'));
    const run = await cli(args(), dir, { XDG_CACHE_HOME: join(dir, 'cache') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/took over the lock .*is gone \(killed before it named itself\)/);
  });
});
