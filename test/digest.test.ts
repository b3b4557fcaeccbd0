/**
 * The cache keys' digest (src/digest.ts) is MurmurHash3 x86_128 of the string's UTF-16LE bytes: the same as an
 * independent implementation of it (murmurhash3js-revisited, which reads bytes) on every length of tail and block,
 * on every plane of Unicode, on lone surrogates and on a whole generated store; and it tells apart what a cache must.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { digest, digestOf, keyerFor, randomHex, sha256Hex } from '../src/digest.js';
import { generateStore } from '../scripts/generate-store.mjs';

const reference = (
  createRequire(import.meta.url)('murmurhash3js-revisited') as {
    x86: { hash128(bytes: Uint8Array, seed?: number): string };
  }
).x86.hash128;

const expected = (text: string): string => reference(new Uint8Array(Buffer.from(text, 'utf16le')));

describe('digest', () => {
  it('is MurmurHash3 x86_128 of the UTF-16LE bytes, for every tail length and several blocks', () => {
    const alphabet = 'aZ0 é日😀\uD800\uDFFF\u0000\uFFFF';
    for (let length = 0; length <= 40; length++) {
      for (let shift = 0; shift < 3; shift++) {
        const text = Array.from({ length }, (_, i) => alphabet[(i * 7 + shift) % alphabet.length]).join('');
        expect(digest(text), JSON.stringify(text)).toBe(expected(text));
      }
    }
  });

  it('reads the same words from the bytes Node writes as a character at a time (a big-endian machine reads so)', () => {
    const alphabet = 'aZ0 é日😀\uD800\uDFFF\u0000\uFFFF';
    for (let length = 0; length <= 40; length++) {
      const text = Array.from({ length }, (_, i) => alphabet[(i * 5) % alphabet.length]).join('');
      expect(digestOf(text, true)).toBe(expected(text));
      expect(digestOf(text, false)).toBe(expected(text));
    }
  });

  it('gives each text its own digest whatever was hashed before it, long or short', () => {
    // a text longer than the kept buffer, then shorter ones: nothing of one text is read as part of the next
    const long = 'Bentón, Joe and others '.repeat(60_000);
    const texts = [long, long.slice(0, 100_003), 'short text', long.slice(7, 9), long.slice(0, 1_500_001), 'x'];
    for (const text of texts) expect(digest(text)).toBe(expected(text));
  });

  it('agrees on real text: the entries of a generated store, and the store whole', () => {
    const store = generateStore(200);
    for (const entry of store.split('\n@')) expect(digest(entry)).toBe(expected(entry));
    expect(digest(store)).toBe(expected(store));
  });

  it('gives 32 hexadecimal digits, and different keys for texts that differ by one unit or by order', () => {
    const texts = ['', '\u0000', '\u0000\u0000', 'ab', 'ba', 'a', 'b', 'Benton', 'Benton ', 'benton', 'Bentón'];
    const keys = texts.map(digest);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(texts.length);
  });

  it('keeps SHA-256 where a hash is kept or named by a format, and random names distinct', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
    const names = new Set(Array.from({ length: 100 }, () => randomHex(8)));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keys a few texts with the digest and many with SHA-256, each key saying which', () => {
    const few = keyerFor(16);
    const many = keyerFor(2000);
    expect(few('entry')).toBe(`m${digest('entry')}`);
    expect(many('entry')).toBe(`s${createHash('sha256').update('entry').digest('base64url')}`);
    expect(many('entry')).toBe(many('entry'));
    expect(few('entry')).not.toBe(many('entry'));
  });
});
