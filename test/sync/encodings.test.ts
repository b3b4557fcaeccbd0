/**
 * Stores that are not UTF-8: never read with U+FFFD, never rewritten with it. A Latin-1 store is refused with the
 * line and column of its first bad byte; with its encoding named (config or `% !TeX encoding` line), a sync writes
 * the new entry in Latin-1 and keeps every other byte. New text follows the file's line endings, CR alone included.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../arxiv/fake-arxiv.js';
import { cli } from '../helpers.js';

let server: FakeArxiv;
let dir: string;
const env = (): Record<string, string> => ({ XDG_CACHE_HOME: join(dir, 'cache') });
const LATIN1 = Buffer.from(
  '% Caf\xe9 notes\n@article{chen2020,\n  title = {A Title},\n  author = {Ch\xe9n, Li and Benton, Joe},\n  journal = {J},\n  year = {2020},\n}\n',
  'latin1',
);

beforeEach(async () => {
  server = await new FakeArxiv([]).start();
  server.set({
    id: '2501.00001',
    title: 'Caf\u00e9 Models',
    authors: ['Jos\u00e9 P\u00e9rez', 'Joe Benton'],
    published: '2025-01-02T00:00:00Z',
    primary: 'cs.LG',
  });
  dir = mkdtempSync(join(tmpdir(), 'bibfolio-enc-'));
  writeFileSync(
    join(dir, 'bibfolio.config.json'),
    JSON.stringify({ owner: { name: 'Joe Benton' }, store: 'store.bib' }),
  );
});
afterEach(async () => {
  await server.stop();
});

const sync = (...ids: string[]) => cli(['sync-arxiv', '--api-url', server.url, '--delay-ms', '20', ...ids], dir, env());

describe('a store that is not UTF-8', () => {
  it('is refused by check, format, export-bib and sync-arxiv, with the first bad byte, and left as it was', async () => {
    writeFileSync(join(dir, 'store.bib'), LATIN1);
    for (const args of [
      ['check'],
      ['format'],
      ['export-bib', '--out', 'x.bib'],
      ['sync-arxiv', '--api-url', server.url],
    ]) {
      const run = await cli(args, dir, env());
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(
        'store.bib:1:6: byte 0xE9 is not UTF-8, so the store is not read (nothing is changed)',
      );
      expect(run.stdout).not.toContain('\ufffd');
    }
    expect(readFileSync(join(dir, 'store.bib')).equals(LATIN1)).toBe(true);
  });

  it('with "% !TeX encoding = latin1", a sync writes the new entry in Latin-1 and keeps every byte before it', async () => {
    const original = Buffer.concat([Buffer.from('% !TeX encoding = latin1\n'), LATIN1]);
    writeFileSync(join(dir, 'store.bib'), original);
    const run = await sync('2501.00001');
    expect(run.stderr).toMatch(/1 created/);
    expect(run.code).toBe(0);
    const after = readFileSync(join(dir, 'store.bib'));
    expect(after.subarray(0, original.length).equals(original)).toBe(true);
    expect(after.includes(Buffer.from('P\xe9rez, Jos\xe9', 'latin1'))).toBe(true);
    expect(after.includes(Buffer.from('\ufffd'))).toBe(false);
    const list = await cli(['format', '--to', 'text'], dir, env());
    expect(list.stdout).toContain('Li Chén');
  });

  it('refuses to write a character Latin-1 cannot hold, and writes nothing', async () => {
    const original = Buffer.concat([Buffer.from('% !TeX encoding = latin1\n'), LATIN1]);
    writeFileSync(join(dir, 'store.bib'), original);
    server.set({
      id: '2501.00002',
      title: 'Ωmega',
      authors: ['Joe Benton'],
      published: '2025-01-03T00:00:00Z',
      primary: 'cs.LG',
    });
    const run = await sync('2501.00002');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot be written in latin1; convert the store to UTF-8 \(nothing was written\)/);
    expect(readFileSync(join(dir, 'store.bib')).equals(original)).toBe(true);
  });

  it('gives a CR-only store a CR-terminated new entry', async () => {
    writeFileSync(
      join(dir, 'store.bib'),
      '% old Mac file\r@misc{a,\r  title = {A},\r  author = {Joe Benton},\r  year = {2020},\r}\r',
    );
    const run = await sync('2501.00001');
    expect(run.code).toBe(0);
    const after = readFileSync(join(dir, 'store.bib'), 'utf8');
    expect(after).toContain('@misc{');
    expect(after).not.toContain('\n');
  });
});
