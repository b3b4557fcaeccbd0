/**
 * The store's lock: it lives as long as the work (a five-minute sync against a slow stand-in keeps it, refreshed all
 * along, and a second run is refused throughout); a lock whose holder is gone is taken over, and two runs that both
 * find it gone never both win (100 pairs of processes racing for it, their holding times compared).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockStore, StoreLockedError } from '../../src/store/lock.js';
import { entryXml } from '../arxiv/fake-arxiv.js';
import { cli, ROOT } from '../helpers.js';

const LAUNCHER = join(ROOT, 'dist/cli/launch.cjs');
const CONTENDER = join(ROOT, 'test/trust/lock-contender.mjs');

function runNode(
  args: string[],
  env: Record<string, string> = {},
  cwd = ROOT,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const DEAD_PID = 2 ** 22 + 4321;

describe('the lock is exclusive', () => {
  it('100 pairs of runs race for a lock whose holder is dead: exactly one holds it at any time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-race-'));
    const store = join(dir, 'pubs.bib');
    writeFileSync(store, '');
    let raced = 0;
    for (let pair = 0; pair < 100; pair++) {
      writeFileSync(`${store}.lock`, JSON.stringify({ pid: DEAD_PID, host: hostname(), token: `dead${pair}` }));
      const startAt = String(Date.now() + 250);
      const results = await Promise.all(
        [0, 1].map(
          async () =>
            JSON.parse((await runNode([CONTENDER, store, startAt, '150'])).out) as {
              won: boolean;
              acquired?: number;
              released?: number;
            },
        ),
      );
      const winners = results.filter((r) => r.won);
      expect(winners.length, JSON.stringify(results)).toBeGreaterThanOrEqual(1);
      if (winners.length === 1) raced++;
      if (winners.length === 2) {
        // both may hold it only one after the other
        const [a, b] = winners as unknown as [
          { acquired: number; released: number },
          { acquired: number; released: number },
        ];
        expect(a.released <= b.acquired || b.released <= a.acquired, JSON.stringify(winners)).toBe(true);
      }
      expect(existsSync(`${store}.lock`)).toBe(false);
      expect(existsSync(`${store}.lock.takeover`)).toBe(false);
    }
    // most pairs met while the lock was held (the other run was refused): the race was real
    expect(raced).toBeGreaterThanOrEqual(50);
  }, 240_000);

  it('a lock from another host is respected while its heartbeat goes on, and taken over once it stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-lock-'));
    const store = join(dir, 'pubs.bib');
    writeFileSync(store, '');
    writeFileSync(`${store}.lock`, JSON.stringify({ pid: 1, host: 'another-host', token: 't' }));
    await expect(lockStore(store, store, () => {}, { refreshMs: 100, staleMs: 600 })).rejects.toThrow(StoreLockedError);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const notes: string[] = [];
    const lock = await lockStore(store, store, (n) => notes.push(n), { refreshMs: 100, staleMs: 600 });
    expect(notes[0]).toMatch(/another-host has not refreshed it for \d+ s/);
    expect(lock.held()).toBe(true);
    await lock.release();
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('a run whose lock was taken over writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-lock-'));
    const store = join(dir, 'pubs.bib');
    writeFileSync(store, '');
    const lock = await lockStore(store, store, () => {}, { refreshMs: 50 });
    writeFileSync(`${store}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), token: 'someone else' }));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(lock.held()).toBe(false);
    await lock.release();
    // the other run's lock is not ours to remove
    expect(JSON.parse(readFileSync(`${store}.lock`, 'utf8')).token).toBe('someone else');
  });
});

describe('a lock lives as long as the work', () => {
  it('a five-minute sync against a slow stand-in keeps its lock, refreshed all along, and writes its result', async () => {
    const ids = Array.from({ length: 15 }, (_, i) => `2401.${String(i + 1).padStart(5, '0')}`);
    // each answer starts at once and ends 20 s later: well within every per-request limit, 300 s in all
    const server: Server = createServer((req, res) => {
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list') ?? '';
      res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      res.write("<?xml version='1.0' encoding='UTF-8'?>\n");
      const timer = setTimeout(() => {
        res.end(
          `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><opensearch:totalResults>1</opensearch:totalResults>\n` +
            `${entryXml({ id, title: `Slow Paper ${id}`, authors: ['Joe Benton'], published: '2024-01-02T00:00:00Z' })}\n</feed>\n`,
        );
      }, 20_000);
      res.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-slow-'));
    mkdirSync(join(dir, 'bib'));
    const store = ids
      .map((id, i) => `@misc{p${i},\n  title = {Old},\n  eprint = {${id}},\n  archivePrefix = {arXiv}\n}\n`)
      .join('\n');
    writeFileSync(join(dir, 'bib/publications.bib'), store);
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), BIBFOLIO_LOCK_REFRESH_MS: '1000' };
    try {
      const started = Date.now();
      const sync = runNode(
        [LAUNCHER, 'sync-arxiv', '--api-url', url, '--delay-ms', '0', '--batch-size', '1'],
        env,
        dir,
      );
      const lock = join(dir, 'bib/publications.bib.lock');
      let refusals = 0;
      let checks = 0;
      let done = false;
      void sync.then(() => (done = true));
      while (!done) {
        await new Promise((resolve) => setTimeout(resolve, 15_000));
        if (done || !existsSync(lock)) continue;
        checks++;
        // refreshed within the last few heartbeats, and nothing written inside a lock folder
        expect(statSync(lock).isFile()).toBe(true);
        expect(Date.now() - statSync(lock).mtimeMs).toBeLessThan(5000);
        const other = await cli(['sync-arxiv', '--api-url', url, '--delay-ms', '0'], dir, env);
        if (other.code === 1 && /is locked by another bibfolio run/.test(other.stderr)) refusals++;
      }
      const result = await sync;
      expect(result.code, result.err).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300_000);
      expect(checks).toBeGreaterThanOrEqual(15);
      expect(refusals).toBe(checks);
      const written = readFileSync(join(dir, 'bib/publications.bib'), 'utf8');
      // the hand-written title stays (the merge rule); what arXiv adds is written for every entry
      for (const id of ids) expect(written).toContain(`url = {https://arxiv.org/abs/${id}}`);
      expect(existsSync(lock)).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 420_000);
});
