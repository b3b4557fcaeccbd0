/**
 * End to end: `bibfolio sync-arxiv --api-url http://127.0.0.1:PORT/api/query` against the fake arXiv, on a copy of
 * the embedded store and on a new store, then `bibfolio format` on the result.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { cli, ROOT } from '../helpers.js';
import { EMBEDDED_PAPERS } from './embedded-papers.js';

let server: FakeArxiv;
let dir: string;
let env: Record<string, string>;
const bib = (): string => readFileSync(join(dir, 'bib/publications.bib'), 'utf8');
const sidecar = (): string => readFileSync(join(dir, 'bib/publications.sync.json'), 'utf8');
const sync = (...args: string[]) => cli(['sync-arxiv', '--api-url', server.url, '--delay-ms', '20', ...args], dir, env);

beforeEach(async () => {
  server = await new FakeArxiv(EMBEDDED_PAPERS).start();
  dir = mkdtempSync(join(tmpdir(), 'bibfolio-sync-'));
  cpSync(join(ROOT, 'bib'), join(dir, 'bib'), { recursive: true });
  cpSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
  env = { XDG_CACHE_HOME: join(dir, 'cache') };
});
afterEach(async () => {
  await server.stop();
});

describe('sync-arxiv on the embedded store', () => {
  it('fills in, completes author lists, and a second run changes no byte', async () => {
    const before = bib();
    const run = await sync();
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(1); // 15 IDs, one batch
    expect(server.requests[0]?.maxResults).toBe('15');
    expect(run.stderr).toMatch(/0 created, 15 updated, 0 unchanged, 0 conflicts, 0 not found/);
    const after = bib();
    expect(after).toContain('Hendrycks, Dan and Author1, Placeholder and Author2, Placeholder');
    expect(after).not.toContain('Hendrycks, Dan and others');
    expect(after).toContain(
      '  month         = jun,\n  primaryClass  = {cs.AI},\n  url           = {https://arxiv.org/abs/2506.15740},\n}',
    );
    // untouched entries and comments stay byte-identical
    const manyShot = /@inproceedings\{anil2024manyshot,[\s\S]*?\n\}\n/.exec(before)?.[0] ?? '';
    expect(manyShot.length).toBeGreaterThan(50);
    expect(after).toContain(manyShot);
    expect(after.slice(0, before.indexOf('@misc'))).toBe(before.slice(0, before.indexOf('@misc')));
    // hand-written differences are kept and reported
    expect(after).toContain('author        = {Benton, Joe and Doucet, Arnaud and Deligiannidis, George}');
    expect(run.stderr).toContain('benton2024nearly.author: yours');

    const store1 = bib();
    const sidecar1 = sidecar();
    const again = await sync('--refresh');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 created, 0 updated, 15 unchanged/);
    expect(bib()).toBe(store1);
    expect(sidecar()).toBe(sidecar1);

    const list = await cli(['format', '--to', 'markdown'], dir, env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Yoshua Bengio, **Joe Benton**, Joseph Bloom');
    // 18 authors now: the limit applies, and the owner is within it
    expect(list.stdout).toMatch(/Anca Dragan, et al\. arXiv preprint arXiv:2507\.11473, 2025\./);
  });

  it('serves the second run from the cache', async () => {
    await sync();
    const second = await sync('--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ requests: 0, fromCache: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('keeps hand edits, updates untouched fields, and reports conflicts', async () => {
    await sync();
    // the owner edits one title by hand; arXiv then changes both that title and another one
    writeFileSync(
      join(dir, 'bib/publications.bib'),
      bib().replace('{Inverse Scaling in Test-Time Compute}', '{Inverse Scaling in Test-Time Compute (extended)}'),
    );
    const inverse = EMBEDDED_PAPERS.find((p) => p.id === '2507.14417')!;
    const teaching = EMBEDDED_PAPERS.find((p) => p.id === '2506.22777')!;
    server.set({ ...inverse, version: 3, title: 'Inverse Scaling in Test-Time Compute: Revised' });
    server.set({ ...teaching, version: 2, title: 'Teaching Models to Verbalize Reward Hacking' });
    const run = await sync('--refresh');
    expect(run.code).toBe(0);
    const after = bib();
    expect(after).toContain('{Inverse Scaling in Test-Time Compute (extended)}');
    expect(after).toContain('title         = {Teaching Models to Verbalize Reward Hacking},');
    expect(run.stderr).toContain('conflicts: edited by hand and changed on arXiv; your value is kept (1):');
    expect(run.stderr).toContain(
      'gema2025inverse.title: yours "Inverse Scaling in Test-Time Compute (extended)", arXiv now "Inverse Scaling in Test-Time Compute: Revised"',
    );
    expect(run.stderr).toContain('gema2025inverse  arXiv:2507.14417: v1 -> v3');
    expect(JSON.parse(sidecar()).entries['2506.22777']).toMatchObject({
      version: 2,
      fields: { title: 'Teaching Models to Verbalize Reward Hacking' },
    });
  });

  it('notices a published preprint, and --promote makes it a journal article without touching what the owner set', async () => {
    const polysemanticity = EMBEDDED_PAPERS.find((p) => p.id === '2210.01892')!;
    server.set({
      ...polysemanticity,
      doi: '10.1000/xyz.2024.17',
      journalRef: 'Transactions on Machine Learning Research 2(3):17-42, 2024',
    });
    const noticed = await sync();
    expect(noticed.stderr).toContain('published since last sync (1):');
    expect(noticed.stderr).toContain(
      'scherlis2022polysemanticity  arXiv:2210.01892: Transactions on Machine Learning Research 2(3):17-42, 2024, doi:10.1000/xyz.2024.17 (run with --promote',
    );
    expect(bib()).toContain('journal_ref   = {Transactions on Machine Learning Research 2(3):17-42, 2024}');
    const promoted = await sync('--promote');
    expect(promoted.code).toBe(0);
    const entry = /@article\{scherlis2022polysemanticity,[\s\S]*?\n\}/.exec(bib())?.[0] ?? '';
    expect(entry).toContain('journal       = {Transactions on Machine Learning Research}');
    expect(entry).toContain('volume        = {2}');
    expect(entry).toContain('number        = {3}');
    expect(entry).toContain('pages         = {17--42}');
    expect(entry).toContain('year          = {2024}');
    expect(entry).toContain('doi           = {10.1000/xyz.2024.17}');
    expect(entry).not.toContain('month'); // the preprint's month, written by the sync, does not date the article
    const list = await cli(['format', '--to', 'text'], dir, env);
    expect(list.stdout).toContain(
      'Polysemanticity and Capacity in Neural Networks. Adam Scherlis, Kshitij Sachan, Adam S. Jermyn, Joe Benton, Buck Shlegeris. Transactions on Machine Learning Research, 2(3):17–42, 2024.',
    );
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const before = bib();
    const run = await sync('--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Index: bib\/publications\.bib\n={10,}\n--- bib\/publications\.bib\tstore\n\+\+\+ bib\/publications\.bib\tafter sync\n/,
    );
    expect(run.stdout).toContain('-  author        = {Korbak, Tomek');
    expect(run.stdout).toContain('+  month         = jun,');
    expect(bib()).toBe(before);
    expect(existsSync(join(dir, 'bib/publications.sync.json'))).toBe(false);
  });

  it('--dry-run --json puts the diff in the one JSON document', async () => {
    const run = await sync('--dry-run', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { written: boolean; diff: string; updated: unknown[] };
    expect(report.written).toBe(false);
    expect(report.diff).toContain('+  month         = jun,');
    expect(report.updated).toHaveLength(15);
  });

  it('fails fast when another run holds the lock, and writes nothing', async () => {
    const before = bib();
    // a live run holds it: the lock names a running process on this host
    mkdirSync(join(dir, 'bib/publications.bib.lock'));
    writeFileSync(
      join(dir, 'bib/publications.bib.lock/owner.json'),
      JSON.stringify({ pid: process.pid, host: hostname() }),
    );
    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bib\/publications\.bib is locked by another bibfolio run/);
    expect(server.requests).toHaveLength(0);
    expect(bib()).toBe(before);
  });

  it('leaves the store byte-identical after every failure', async () => {
    const before = bib();
    for (let i = 0; i < 4; i++) server.failures.push({ kind: 'status', status: 503 });
    const failed = await sync();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/arXiv request failed after 4 attempts: HTTP 503.*nothing was written/);
    expect(bib()).toBe(before);
    expect(existsSync(join(dir, 'bib/publications.sync.json'))).toBe(false);

    server.failures.push({ kind: 'garbage' });
    expect((await sync()).code).toBe(1);
    expect(bib()).toBe(before);
  });

  it('rejects malformed IDs locally and sends nothing', async () => {
    const run = await sync('2506.15740', 'not-an-id');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"not-an-id" is not a well-formed arXiv identifier');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a delay under 3 s for arxiv.org', async () => {
    const run = await cli(
      ['sync-arxiv', '--api-url', 'https://export.arxiv.org/api/query', '--delay-ms', '100'],
      dir,
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/3000 ms/);
  });

  it('refuses to rewrite a store that cannot be parsed losslessly', async () => {
    writeFileSync(join(dir, 'bib/publications.bib'), `${bib()}\n@misc{broken, title = {never closed\n`);
    const before = bib();
    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/publications\.bib:\d+:\d+: error \[syntax\] entry "broken"/);
    expect(run.stderr).toMatch(/cannot be parsed losslessly.*nothing was written/);
    expect(bib()).toBe(before);
  });
});

describe('sync-arxiv with IDs', () => {
  it('creates entries in a new store, in every form of ID, and the list renders', async () => {
    server.set({
      id: '2501.00001',
      title: 'A Study of Things & Stuff: 50% Better',
      authors: ['Łukasz Kaiser', 'Kamélia Daudel', 'Joe Benton'],
      published: '2025-01-02T00:00:00Z',
      primary: 'cs.LG',
    });
    const run = await cli(
      [
        'sync-arxiv',
        '--bib',
        'new.bib',
        '--api-url',
        server.url,
        '--delay-ms',
        '20',
        'https://arxiv.org/abs/2501.00001v2',
        'arXiv:2506.15740',
        '10.48550/arXiv.2210.01892',
        '2512.99999',
      ],
      dir,
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('created (3):');
    expect(run.stderr).toContain('not found on arXiv (1):\n  arXiv:2512.99999');
    const text = readFileSync(join(dir, 'new.bib'), 'utf8');
    expect(text).toContain(
      '@misc{kaiser2025study,\n  title = {A Study of Things \\& Stuff: 50\\% Better},\n  author = {Kaiser, Łukasz and Daudel, Kamélia and Benton, Joe},\n  year = {2025},\n  month = jan,',
    );
    expect(text).toContain('@misc{kutasov2025shade,');
    expect(text).toContain('@misc{scherlis2022polysemanticity,');
    expect(existsSync(join(dir, 'new.sync.json'))).toBe(true);
    const list = await cli(['format', '--bib', 'new.bib', '--to', 'html'], dir, env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      'A Study of Things &amp; Stuff: 50% Better. Łukasz Kaiser, Kamélia Daudel, <strong class="bibfolio-owner">Joe Benton</strong>. arXiv preprint arXiv:2501.00001, 2025.',
    );
  });

  it('writes accents as LaTeX when the store does', async () => {
    server.set({
      id: '2501.00001',
      title: 'Über Alles',
      authors: ['Łukasz Kaiser', 'Kamélia Daudel'],
      published: '2025-01-02T00:00:00Z',
    });
    const run = await sync('2501.00001');
    expect(run.code).toBe(0);
    expect(bib()).toContain(
      'title         = {{\\"U}ber Alles},\n  author        = {Kaiser, {\\L}ukasz and Daudel, Kam{\\\'e}lia},',
    );
    expect(bib()).toMatch(/^[\x00-\x7f]*$/);
    // keys are unique
    server.set({
      id: '2501.00002',
      title: 'Über Alles',
      authors: ['Łukasz Kaiser'],
      published: '2025-01-03T00:00:00Z',
    });
    await sync('2501.00002');
    expect(bib()).toContain('@misc{kaiser2025uber,');
    expect(bib()).toContain('@misc{kaiser2025ubera,');
  });

  it('keeps annotations on the same people when an author list is completed', async () => {
    writeFileSync(
      join(dir, 'bib/publications.bib'),
      "@misc{x,\n  title = {T},\n  author = {Daudel, Kam{\\'e}lia and Benton, Joe and others},\n  author+an = {2=equal; 3=equal},\n  eprint = {2501.00003},\n  archivePrefix = {arXiv},\n}\n",
    );
    server.set({
      id: '2501.00003',
      title: 'T',
      authors: ['Kamélia Daudel', 'Joe Benton', 'Yuyang Shi', 'Arnaud Doucet'],
      published: '2025-01-02T00:00:00Z',
    });
    const run = await sync();
    expect(run.code).toBe(0);
    expect(bib()).toContain(
      "author = {Daudel, Kam{\\'e}lia and Benton, Joe and Shi, Yuyang and Doucet, Arnaud},\n  author+an = {2=equal; 3=equal},",
    );
    const list = await cli(['format', '--to', 'markdown'], dir, env);
    expect(list.stdout).toContain('Kamélia Daudel, **Joe Benton**\\*, Yuyang Shi\\*, Arnaud Doucet.');
  });
});
