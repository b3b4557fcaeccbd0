/**
 * The JSON file cache of the render session: values kept across runs, a run that only adds values appends them as a
 * journal, a line cut short by a crash ends the journal, and the file is written whole again (without what no run
 * used) once the journal or the unused values pass a twentieth of it.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileCache } from '../../src/engine/json-cache.js';

const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'bibfolio-cache-')), 'records.json');
const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n');

/** A run: reads every key in `use`, sets every key in `add`, saves. */
function run(path: string, use: readonly string[], add: Readonly<Record<string, number>>): JsonFileCache<number> {
  const cache = new JsonFileCache<number>(path);
  for (const key of use) cache.get(key);
  for (const [key, value] of Object.entries(add)) cache.set(key, value);
  cache.save();
  return cache;
}

const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `k${i}`);
const values = (n: number): Record<string, number> => Object.fromEntries(keys(n).map((k, i) => [k, i]));

describe('the JSON file cache', () => {
  it('keeps the values of one run for the next', () => {
    const path = fresh();
    run(path, [], values(100));
    const next = new JsonFileCache<number>(path);
    expect(keys(100).map((k) => next.get(k))).toEqual(keys(100).map((_, i) => i));
    expect(lines(path)).toHaveLength(1);
  });

  it('appends what a run added (one entry edited) instead of writing the file again', () => {
    const path = fresh();
    run(path, [], values(400));
    const first = lines(path)[0];
    run(path, keys(400), { edited: 1000 });
    expect(lines(path)).toEqual([first, '["edited",1000]']);
    run(path, [...keys(400), 'edited'], { again: 1001 });
    const next = new JsonFileCache<number>(path);
    expect([next.get('k399'), next.get('edited'), next.get('again')]).toEqual([399, 1000, 1001]);
  });

  it('reads a journal whose last line a crash cut short up to that line', () => {
    const path = fresh();
    run(path, [], values(400));
    run(path, keys(400), { edited: 1000 });
    appendFileSync(path, '\n["torn",10');
    const next = new JsonFileCache<number>(path);
    expect([next.get('k0'), next.get('edited'), next.get('torn')]).toEqual([0, 1000, undefined]);
  });

  it('writes the file whole, without the unused values, once the journal passes a twentieth of it', () => {
    const path = fresh();
    run(path, [], values(400));
    // one value added per run: appended while the journal is within a twentieth of the file, then written whole
    const sizes: number[] = [];
    const added: string[] = [];
    for (let i = 0; i < 30; i++) {
      run(path, [...keys(400), ...added], { [`new${i}`]: i });
      added.push(`new${i}`);
      sizes.push(lines(path).length);
    }
    expect(sizes.slice(0, 19)).toEqual(Array.from({ length: 19 }, (_, i) => i + 2));
    expect(sizes).toContain(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1 + 430 / 20);
    const next = new JsonFileCache<number>(path);
    expect([next.get('k0'), next.get('new0'), next.get('new29')]).toEqual([0, 0, 29]);
    // a run that used only half the values drops the rest
    run(path, keys(200), {});
    expect(Object.keys(JSON.parse(lines(path)[0] as string) as object)).toHaveLength(200);
  });

  it('ignores a cache file that is not JSON: it costs time, never a wrong value', () => {
    const path = fresh();
    run(path, [], values(10));
    appendFileSync(path, 'garbage');
    const next = new JsonFileCache<number>(path);
    expect(next.get('k1')).toBeUndefined();
  });

  it('writes ASCII, and reads back every character, as written now or in UTF-8 before', () => {
    const texts = [
      'Schrödinger',
      'Hägele, Øster, Þór, Işık',
      'α-Divergence',
      '漢字 😀',
      'a lone \ud800 surrogate',
      '\u007f\u0080\u00ff',
    ];
    const path = fresh();
    const cache = new JsonFileCache<string>(path);
    texts.forEach((text, i) => cache.set(`k${i}`, text));
    cache.save();
    expect(readFileSync(path)).toSatisfy((bytes: Buffer) => bytes.every((b) => b < 0x80));
    const next = new JsonFileCache<string>(path);
    expect(texts.map((_, i) => next.get(`k${i}`))).toEqual(texts);
    // a journal line appended by a later run is ASCII too
    const later = new JsonFileCache<string>(path);
    for (let i = 0; i < texts.length; i++) later.get(`k${i}`);
    later.set('added', 'Zoë van der Weij');
    later.save();
    expect(lines(path)).toHaveLength(2);
    expect(readFileSync(path)).toSatisfy((bytes: Buffer) => bytes.every((b) => b < 0x80));
    expect(new JsonFileCache<string>(path).get('added')).toBe('Zoë van der Weij');
    // a file an earlier version wrote in UTF-8
    const old = fresh();
    writeFileSync(old, JSON.stringify(Object.fromEntries(texts.map((text, i) => [`k${i}`, text]))));
    const read = new JsonFileCache<string>(old);
    expect(texts.map((_, i) => read.get(`k${i}`))).toEqual(texts);
  });
});
