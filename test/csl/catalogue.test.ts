/**
 * `bibfolio styles add` against a real HTTP server on 127.0.0.1 that serves the official CSL repository's layout (a
 * copy in ../shared/fixtures/csl-styles), with the failures a real host has: 503 and 429 with Retry-After, a reset
 * connection, 404 for unknown styles. Then `--style NAME` renders from the cache with the server gone.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StyleCatalogue } from '../../src/csl/catalogue.js';
import { cli, SHARED } from '../helpers.js';

const CATALOGUE = join(SHARED, 'fixtures/csl-styles');

interface FakeRepository {
  readonly url: string;
  readonly requests: string[];
  /** Path -> failures to answer before serving it: a status (with Retry-After: 0) or 'reset'. */
  readonly failures: Map<string, Array<number | 'reset'>>;
  close(): Promise<void>;
}

async function fakeRepository(): Promise<FakeRepository> {
  const requests: string[] = [];
  const failures = new Map<string, Array<number | 'reset'>>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const failure = failures.get(path)?.shift();
    if (failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure !== undefined) {
      res.writeHead(failure, { 'Retry-After': '0' }).end('try later');
      return;
    }
    const file = join(CATALOGUE, path);
    if (path.includes('..') || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404: Not Found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failures,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!existsSync(CATALOGUE))('bibfolio styles add', () => {
  let repo: FakeRepository;
  const cache = mkdtempSync(join(tmpdir(), 'bibfolio-catalogue-'));
  const env = { XDG_CACHE_HOME: cache };

  beforeAll(async () => {
    repo = await fakeRepository();
  });
  afterAll(async () => {
    await repo.close();
  });

  it('fetches a dependent style and its parent into the cache, through a 503 and a reset', async () => {
    repo.failures.set('/dependent/acta-otorrinolaringologica-espanola.csl', [503]);
    repo.failures.set('/nlm-citation-sequence.csl', ['reset']);
    const run = await cli(
      ['styles', 'add', 'acta-otorrinolaringologica-espanola', '--catalogue', repo.url],
      undefined,
      env,
    );
    expect(run.stderr).toMatch(
      /^added acta-otorrinolaringologica-espanola: Acta Otorrinolaringológica Española \(Español\), with its parent "nlm-citation-sequence" -> /,
    );
    expect(run.code).toBe(0);
    expect(readdirSync(join(cache, 'bibfolio/styles')).sort()).toEqual([
      'dependent',
      'nlm-citation-sequence.csl',
      'renamed-styles.json',
    ]);
    expect(readdirSync(join(cache, 'bibfolio/styles/dependent'))).toEqual(['acta-otorrinolaringologica-espanola.csl']);
    // the independent path is tried first, then dependent/ (once failed, once served); the parent once reset
    expect(repo.requests.filter((r) => r.endsWith('.csl'))).toEqual([
      '/acta-otorrinolaringologica-espanola.csl',
      '/dependent/acta-otorrinolaringologica-espanola.csl',
      '/dependent/acta-otorrinolaringologica-espanola.csl',
      '/nlm-citation-sequence.csl',
      '/nlm-citation-sequence.csl',
    ]);
  });

  it('follows renamed-styles.json, through a 429', async () => {
    repo.failures.set('/american-anthropological-association.csl', [429]);
    const run = await cli(['styles', 'add', 'aaa', '--catalogue', repo.url], undefined, env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^added american-anthropological-association \(renamed from "aaa"\): American Anthropological Association/,
    );
  });

  it('renders with the cached styles by name, with no server at all', async () => {
    await repo.close();
    try {
      await renderFromCache();
    } finally {
      repo = await fakeRepository();
    }
  });

  async function renderFromCache(): Promise<void> {
    const dependent = await cli(
      ['format', '--style', 'acta-otorrinolaringologica-espanola', '--no-cache'],
      undefined,
      env,
    );
    expect(dependent.code).toBe(0);
    expect(dependent.stdout).toContain('Disponible en:'); // its own locale, es-ES, on its parent's layout
    expect(dependent.stdout).toContain('**Benton J**');
    const renamed = await cli(['format', '--style', 'aaa', '--no-cache'], undefined, env);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain('**Joe Benton**');
    const list = await cli(['styles', 'list'], undefined, env);
    expect(list.stdout).toMatch(
      /^acta-otorrinolaringologica-espanola +\[fetched\] \(dependent\) Acta Otorrinolaringológica Española/m,
    );
    expect(list.stdout).toMatch(
      /^nlm-citation-sequence +\[bundled\] NLM\/Vancouver: Citing Medicine 2nd edition \(citation-sequence\)/m,
    );
    expect(list.stdout).toMatch(/^cv +bibfolio CV/m);
  }

  it('says in one line that an unknown style is not in the repository, and writes nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bibfolio-catalogue-'));
    const run = await cli(['styles', 'add', 'no-such-style-anywhere', '--catalogue', repo.url], undefined, {
      XDG_CACHE_HOME: empty,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `bibfolio: no style "no-such-style-anywhere" in the CSL repository at ${repo.url}; style IDs are listed at https://www.zotero.org/styles; no style was added\n`,
    );
    expect(existsSync(join(empty, 'bibfolio/styles'))).toBe(false);
  });

  it('gives up after its attempts on a host that keeps failing, saying how many', async () => {
    repo.failures.set('/apa.csl', [503, 503, 503, 503]);
    const catalogue = new StyleCatalogue({ baseUrl: repo.url, delayMs: 0, backoffMs: 1 });
    await expect(catalogue.fetch('apa')).rejects.toThrow(
      `the CSL style repository request failed after 4 attempts: HTTP 503 (${repo.url}/apa.csl)`,
    );
  });

  it('refuses a name that is not a style ID before any request', async () => {
    const before = repo.requests.length;
    const run = await cli(['styles', 'add', '../../etc/passwd', '--catalogue', repo.url], undefined, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not a style ID of the CSL repository/);
    expect(repo.requests.length).toBe(before);
  });
});
