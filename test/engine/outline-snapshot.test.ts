/**
 * The outline a run keeps for the next (engine/outline-snapshot.ts): after one edit the next run scans again only
 * the edited part and hashes only the edited entry, and its outline, keys, entries and problems are those of a run
 * that reads the store afresh. A kept outline that does not belong (another scanner, another byte order, a damaged
 * file, an @string changed) is not used for what it cannot give: the run is a fresh run.
 */
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutlineSnapshotFile } from '../../src/engine/outline-snapshot.js';
import { SessionStore } from '../../src/engine/session-store.js';
import { scanOutline } from '../../src/store/scan-outline.js';
import { EMBEDDED_STORE } from '../helpers.js';
import { generateStore } from '../../scripts/generate-store.mjs';

const SCANNER = 'test-scanner';

function project(text = readFileSync(EMBEDDED_STORE, 'utf8')): { store: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-kept-outline-'));
  const store = join(dir, 'publications.bib');
  writeFileSync(store, text);
  return { store, env: { XDG_CACHE_HOME: join(dir, 'cache') } };
}

/** A session's reading of the store: with the kept outline (and then keeping its own), or afresh. */
function read(store: string, env: Record<string, string>, kept = true, scanner = SCANNER): SessionStore {
  const problems = new Map<string, never>();
  const reading = new SessionStore({
    path: store,
    display: 'publications.bib',
    context: 'test',
    problems: { get: (k) => problems.get(k), set: () => undefined },
    outlineFrom: 0,
    ...(kept ? { snapshot: OutlineSnapshotFile.forStore(env, store, scanner) } : {}),
  });
  reading.contentKeys();
  if (kept) reading.keepOutline();
  return reading;
}

function expectSameAsFresh(reading: SessionStore, store: string, env: Record<string, string>): void {
  const fresh = read(store, env, false);
  expect(reading.contentKeys()).toEqual(fresh.contentKeys());
  expect(reading.listed).toEqual(fresh.listed);
  expect(reading.store.problems).toEqual(fresh.store.problems);
  expect(reading.listed.map((e) => reading.entry(e.index))).toEqual(fresh.listed.map((e) => fresh.entry(e.index)));
}

const edit = (store: string, change: (text: string) => string): void =>
  writeFileSync(store, change(readFileSync(store, 'utf8')));

describe('the outline kept for the next run', () => {
  it('after one edit: the edited part scanned again, one entry hashed, everything as a fresh reading', () => {
    const { store, env } = project();
    const first = read(store, env);
    expect(first.outlineKept).toBe(false);
    expect(first.keysHashed).toBe(first.listed.length);
    // a note added to each entry of the second half
    edit(store, (t) =>
      t.replace(/(@\w+\{[^,]+,\n)/g, (m: string, head: string, at: number) =>
        at > t.length / 2 ? `${head}  note = {Edited},\n` : m,
      ),
    );
    const edited = readFileSync(store, 'utf8').split('note = {Edited}').length - 1;
    expect(edited).toBeGreaterThan(2);
    const second = read(store, env);
    expect(second.outlineKept).toBe(true);
    expect(second.keysHashed).toBe(edited);
    expectSameAsFresh(second, store, env);
    edit(store, (t) => t.replace('note = {Edited}', 'note = {Edited again}'));
    const third = read(store, env);
    expect(third.keysHashed).toBe(1);
    expectSameAsFresh(third, store, env);
  });

  it('for the same text: nothing hashed, nothing written', () => {
    const { store, env } = project();
    read(store, env);
    const file = OutlineSnapshotFile.forStore(env, store, SCANNER)?.path as string;
    const written = statSync(file).mtimeMs;
    const again = read(store, env);
    expect(again.outlineKept).toBe(true);
    expect(again.keysHashed).toBe(0);
    expect(statSync(file).mtimeMs).toBe(written);
    expectSameAsFresh(again, store, env);
  });

  it('after a small edit of a long store: the kept file stays as it was, and still reads the store right', () => {
    const { store, env } = project(generateStore(400, 5));
    read(store, env);
    const file = OutlineSnapshotFile.forStore(env, store, SCANNER)?.path as string;
    const kept = readFileSync(file);
    const titleOf = (key: string) => (t: string) => {
      const at = t.indexOf('title = {', t.indexOf(`{${key},`)) + 'title = {'.length;
      return `${t.slice(0, at)}Changed ${t.slice(at)}`;
    };
    // one title changed, then another a few entries on: each run scans again what differs from the kept text
    edit(store, titleOf('bench3'));
    const first = read(store, env);
    expect(first.outlineKept).toBe(true);
    expect(first.keysHashed).toBe(1);
    expect(readFileSync(file).equals(kept)).toBe(true);
    expectSameAsFresh(first, store, env);
    edit(store, titleOf('bench10'));
    const second = read(store, env);
    expect(second.keysHashed).toBeGreaterThanOrEqual(2);
    expect(second.keysHashed).toBeLessThan(20);
    expect(readFileSync(file).equals(kept)).toBe(true);
    expectSameAsFresh(second, store, env);
    // an edit near the end: the run scans most of the store again, and keeps its outline for the next
    edit(store, titleOf('bench390'));
    const third = read(store, env);
    expect(third.keysHashed).toBeGreaterThan(300);
    expect(readFileSync(file).equals(kept)).toBe(false);
    expectSameAsFresh(third, store, env);
    const again = read(store, env);
    expect(again.keysHashed).toBe(0);
    expectSameAsFresh(again, store, env);
  });

  it('hashes every entry again when an @string changed, and gives the keys of a fresh reading', () => {
    const { store, env } = project(`@string{venue = "Venue"}\n${readFileSync(EMBEDDED_STORE, 'utf8')}`);
    read(store, env);
    edit(store, (t) => t.replace('"Venue"', '"Another venue"'));
    const after = read(store, env);
    expect(after.keysHashed).toBe(after.listed.length);
    expectSameAsFresh(after, store, env);
  });

  it('keeps a text that is not valid Unicode as it is', () => {
    const { store, env } = project(`@misc{lone, title = {A \ud800 alone}}\n@misc{next, title = {Next}}\n`);
    read(store, env);
    const file = OutlineSnapshotFile.forStore(env, store, SCANNER);
    expect(file?.read()?.rescan(readFileSync(store, 'utf8'))?.scan).toEqual(scanOutline(readFileSync(store, 'utf8')));
  });

  it.each([
    ['from another scanner', () => undefined],
    ['a file cut short', (file: string) => truncateSync(file, statSync(file).size - 1000)],
    ['a file cut to its header', (file: string) => truncateSync(file, 64)],
    ['a file that is not one', (file: string) => writeFileSync(file, '{"not": "an outline"}')],
    [
      'entries that do not fit the text',
      (file: string) => {
        const bytes = readFileSync(file);
        const headerEnd = 8 + bytes.readUInt32LE(4);
        bytes.writeInt32LE(bytes.readInt32LE(((headerEnd + 3) & ~3) + 4) + 3, ((headerEnd + 3) & ~3) + 4);
        writeFileSync(file, bytes);
      },
    ],
  ])('is not used when it is %s', (what, spoil) => {
    const { store, env } = project();
    read(store, env);
    spoil(OutlineSnapshotFile.forStore(env, store, SCANNER)?.path as string);
    const after = read(store, env, true, what === 'from another scanner' ? 'another' : SCANNER);
    expect(after.outlineKept).toBe(false);
    expect(after.keysHashed).toBe(after.listed.length);
    expectSameAsFresh(after, store, env);
  });
});
