/**
 * The network as it misbehaves: a redirect that would carry the Semantic Scholar key to another host, a server that
 * sends one byte every two seconds, a host that cannot be reached, and text with terminal escapes on its way to the
 * user's terminal. Stand-in servers on 127.0.0.1; the CLI run as a user runs it where the terminal matters.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PoliteClient } from '../../src/http/polite-client.js';
import { SemanticScholarClient } from '../../src/venues/semantic-scholar.js';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { cli, ROOT } from '../helpers.js';

const LAUNCHER = join(ROOT, 'dist/cli/launch.cjs');
const servers: Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

const STORE = `@misc{victim,
  author        = {Benton, Joe},
  title         = {A Paper},
  eprint        = {2401.00001},
  archivePrefix = {arXiv}
}
`;

function project(store = STORE): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-net-'));
  mkdirSync(join(dir, 'bib'));
  writeFileSync(join(dir, 'bib/publications.bib'), store);
  return dir;
}

describe('secrets stay with their host', () => {
  it('the API key goes along a redirect to the same origin and is dropped on one to another origin', async () => {
    const seen: Array<{ server: string; key: string | undefined }> = [];
    const other = await serve((req, res) => {
      seen.push({ server: 'other', key: req.headers['x-api-key'] as string | undefined });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('[null]');
    });
    const own = await serve((req, res) => {
      seen.push({ server: 'own', key: req.headers['x-api-key'] as string | undefined });
      if (req.url?.startsWith('/graph/v1/paper/batch')) res.writeHead(307, { Location: `${own}/moved/batch` }).end();
      else if (req.url?.startsWith('/moved/')) res.writeHead(307, { Location: `${other}/graph/v1/paper/batch` }).end();
      else res.writeHead(404).end();
    });
    const client = new SemanticScholarClient({ baseUrl: `${own}/graph/v1`, apiKey: 'secret-key', delayMs: 0 });
    await client.papers(['arXiv:2401.00001']);
    expect(seen).toEqual([
      { server: 'own', key: 'secret-key' },
      { server: 'own', key: 'secret-key' },
      { server: 'other', key: undefined },
    ]);
  });

  it('the same for every client: the shared transport drops the headers it was given on another origin', async () => {
    let leaked: unknown = 'not asked';
    const other = await serve((req, res) => {
      leaked = req.headers['x-api-key'] ?? req.headers.authorization;
      res.writeHead(200).end('ok');
    });
    const own = await serve((_req, res) => res.writeHead(302, { Location: `${other}/x` }).end());
    const client = new PoliteClient({
      service: 'test',
      delayMs: 0,
      headers: { 'X-Api-Key': 'k', Authorization: 'Bearer t' },
    });
    expect((await client.get(`${own}/start`)).body).toBe('ok');
    expect(leaked).toBeUndefined();
  });

  it('sync-venues with S2_API_KEY set: the key never reaches the host a redirect names', async () => {
    const keys: unknown[] = [];
    const other = await serve((req, res) => {
      keys.push(req.headers['x-api-key']);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('[null]');
    });
    const own = await serve((req, res) => res.writeHead(308, { Location: `${other}${req.url ?? ''}` }).end());
    const dir = project();
    const run = await cli(
      [
        'sync-venues',
        '--semantic-scholar-url',
        `${own}/graph/v1`,
        '--dblp-url',
        own,
        '--crossref-url',
        own,
        '--delay-ms',
        '0',
      ],
      dir,
      { S2_API_KEY: 'secret-key', XDG_CACHE_HOME: join(dir, 'cache') },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(keys).toEqual([undefined]);
  });
});

describe('deadlines', () => {
  /** Answers at once, then sends one byte every two seconds, for ever. */
  const trickle = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
    res.write('<');
    const timer = setInterval(() => res.write(' '), 2000);
    res.on('close', () => clearInterval(timer));
  };

  it('a request has a total deadline, not only an idle timeout', async () => {
    const url = await serve(trickle);
    const client = new PoliteClient({ service: 'slow', delayMs: 0, maxAttempts: 1, requestDeadlineMs: 3000 });
    const started = Date.now();
    await expect(client.get(url)).rejects.toThrow(/no complete answer within 3000 ms/);
    expect(Date.now() - started).toBeLessThan(6000);
  }, 15_000);

  it('sync-arxiv --dry-run against a server sending a byte every 2 s stops at its deadline with one line', async () => {
    const url = await serve(trickle);
    const dir = project();
    const started = Date.now();
    const run = await cli(['sync-arxiv', '--dry-run', '--api-url', url, '--delay-ms', '0', '--deadline', '4'], dir, {
      XDG_CACHE_HOME: join(dir, 'cache'),
    });
    const took = Date.now() - started;
    expect(run.code).toBe(1);
    expect(
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('bibfolio:')),
    ).toHaveLength(1);
    expect(run.stderr).toMatch(/deadline passed.*nothing was written/);
    expect(took).toBeLessThan(9000);
    expect(readFileSync(join(dir, 'bib/publications.bib'), 'utf8')).toBe(STORE);
  }, 30_000);

  it('a host that cannot be reached fails at once, with one line, without retries', async () => {
    const closed = await serve(() => {});
    const port = new URL(closed).port;
    await new Promise<void>((resolve) => (servers.pop() as Server).close(() => resolve()));
    const dir = project();
    const started = Date.now();
    const run = await cli(['sync-arxiv', '--api-url', `http://127.0.0.1:${port}/api/query`], dir, {
      XDG_CACHE_HOME: join(dir, 'cache'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`cannot reach 127\\.0\\.0\\.1:${port}: no network\\?`));
    expect(run.stderr).not.toMatch(/trying again/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('no escape reaches a terminal', () => {
  it('a --dry-run diff of a store holding ESC and BEL shows them as symbols, and the new values have none', async () => {
    const arxiv = await new FakeArxiv([
      {
        id: '2401.00001',
        title: 'Fine \u001b]0;owned\u0007 Title \u001b[2J',
        authors: ['Joe Benton'],
        published: '2024-01-02T00:00:00Z',
      },
    ]).start();
    try {
      const dir = project(STORE.replace('{A Paper}', '{A \u001b[31mPaper\u0007}'));
      // run as a user runs it (the process's own stdout and stderr), and asynchronously: the stand-in server lives here
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [LAUNCHER, 'sync-arxiv', '--dry-run', '--api-url', arxiv.url, '--delay-ms', '0'],
          {
            cwd: dir,
            env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') },
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
      expect(run.status, run.stderr).toBe(0);
      const printed = run.stdout + run.stderr;
      expect(printed).toMatch(/\+ {2}year/);
      expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/u);
      expect(printed).toContain('A \u241b[31mPaper\u2407');
    } finally {
      await arxiv.stop();
    }
  }, 30_000);
});
