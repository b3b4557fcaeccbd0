/**
 * Cache keys: a 128-bit digest of a string, computed in JavaScript.
 *
 * Every cache key of bibfolio (an entry's text, a style, a config) used to be a SHA-256 from `node:crypto`, whose
 * loading costs 4-6 ms of every run from a script (`node -e` loads it before the code runs, a script does not): more
 * than a warm run of a small store spends rendering. A cache key needs no resistance to attack, only to accident:
 * `digest` is MurmurHash3 x86_128 (Austin Appleby's, public domain) of the string's UTF-16LE bytes, which Node
 * writes and the loop reads as 32-bit words. Two keys collide by accident with probability about n²/2¹²⁹: for a
 * million entries, 10⁻²⁷. (test/digest.test.ts checks it against murmurhash3js-revisited.) The store's entries are
 * keyed with it too (engine/session-store.ts: after an edit a run hashes one entry). Many texts at once for the
 * render cache of numeric styles (`keyerFor`) are keyed with SHA-256 still, whose native speed then repays its
 * loading. What must resist tampering or match other tools (the sync file's store hash) keeps SHA-256, from
 * `node:crypto` loaded on first use.
 */
import { createRequire } from 'node:module';

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** Whether this machine stores numbers little-endian, as UTF-16LE is: then a text's bytes are read as 32-bit words. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A word of two code units from `at`, the second 0 past `end` (the tail's last, odd unit). */
function word(text: string, at: number, end: number): number {
  return text.charCodeAt(at) | (at + 1 < end ? text.charCodeAt(at + 1) << 16 : 0);
}

/** The text's UTF-16LE bytes, written by Node into a buffer kept for the next text, read as 32-bit words. */
let bytes = Buffer.alloc(0);
let words = new Int32Array(0);

/** A text longer than this (characters) is written to a buffer of its own, not kept for the next text. */
const KEPT_BUFFER = 1 << 19;

function wordsOf(text: string): Int32Array {
  const need = text.length * 2;
  if (need > KEPT_BUFFER * 2) {
    const own = new ArrayBuffer(need + 4);
    Buffer.from(own).write(text, 0, 'utf16le');
    return new Int32Array(own);
  }
  if (bytes.length < need) {
    const buffer = new ArrayBuffer(Math.min(Math.max(need * 2, 65536), KEPT_BUFFER * 2));
    bytes = Buffer.from(buffer);
    words = new Int32Array(buffer);
  }
  // only whole blocks of the text are read from it (the tail is read a character at a time)
  bytes.write(text, 0, 'utf16le');
  return words;
}

/**
 * MurmurHash3 x86_128 (seed 0) of the UTF-16LE bytes of `text`, as 32 hexadecimal digits. Node writes the bytes
 * (natively) and the loop reads them four at a time: in a fresh process, where this code runs unoptimized, that is
 * half the calls of reading the text a character at a time.
 */
export function digest(text: string): string {
  return digestOf(text, LITTLE_ENDIAN);
}

/** `digest`, reading the text's blocks as words of its bytes or a character at a time (for tests: both agree). */
export function digestOf(text: string, byWords: boolean): string {
  const n = text.length;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  const blocks = n - (n % 8);
  let k1: number;
  let k2: number;
  let k3: number;
  let k4: number;
  const w = byWords && n >= 8 ? wordsOf(text) : undefined;
  for (let i = 0, j = 0; i < blocks; i += 8, j += 4) {
    if (w) {
      k1 = w[j] as number;
      k2 = w[j + 1] as number;
      k3 = w[j + 2] as number;
      k4 = w[j + 3] as number;
    } else {
      k1 = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      k2 = text.charCodeAt(i + 2) | (text.charCodeAt(i + 3) << 16);
      k3 = text.charCodeAt(i + 4) | (text.charCodeAt(i + 5) << 16);
      k4 = text.charCodeAt(i + 6) | (text.charCodeAt(i + 7) << 16);
    }
    k1 = Math.imul(k1, C1);
    k1 = Math.imul((k1 << 15) | (k1 >>> 17), C2);
    h1 ^= k1;
    h1 = ((h1 << 19) | (h1 >>> 13)) + h2;
    h1 = (Math.imul(h1, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(k2, C2);
    k2 = Math.imul((k2 << 16) | (k2 >>> 16), C3);
    h2 ^= k2;
    h2 = ((h2 << 17) | (h2 >>> 15)) + h3;
    h2 = (Math.imul(h2, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(k3, C3);
    k3 = Math.imul((k3 << 17) | (k3 >>> 15), C4);
    h3 ^= k3;
    h3 = ((h3 << 15) | (h3 >>> 17)) + h4;
    h3 = (Math.imul(h3, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(k4, C4);
    k4 = Math.imul((k4 << 18) | (k4 >>> 14), C1);
    h4 ^= k4;
    h4 = ((h4 << 13) | (h4 >>> 19)) + h1;
    h4 = (Math.imul(h4, 5) + 0x32ac3b17) | 0;
  }
  // the tail: up to 7 code units, 14 bytes, in the lanes they fill
  if (blocks + 6 < n) h4 ^= Math.imul(rotl(Math.imul(word(text, blocks + 6, n), C4), 18), C1);
  if (blocks + 4 < n) h3 ^= Math.imul(rotl(Math.imul(word(text, blocks + 4, n), C3), 17), C4);
  if (blocks + 2 < n) h2 ^= Math.imul(rotl(Math.imul(word(text, blocks + 2, n), C2), 16), C3);
  if (blocks < n) h1 ^= Math.imul(rotl(Math.imul(word(text, blocks, n), C1), 15), C2);
  const length = n * 2;
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return hex(h1) + hex(h2) + hex(h3) + hex(h4);
}

type NodeCrypto = typeof import('node:crypto');
let nodeCrypto: NodeCrypto | undefined;

/** `node:crypto`, loaded on first use: most runs never need it. */
function crypto(): NodeCrypto {
  nodeCrypto ??= createRequire(import.meta.url)('node:crypto') as NodeCrypto;
  return nodeCrypto;
}

/** SHA-256 as hexadecimal, where a hash is kept in a file or named by a format (the sync file's store hash). */
export function sha256Hex(data: string | Uint8Array): string {
  return crypto().createHash('sha256').update(data).digest('hex');
}

/** Below this many texts, JavaScript's digest costs less than loading `node:crypto` (see `keyerFor`). */
const MANY_TEXTS = 200;

/**
 * A function that keys each of `count` texts. JavaScript's digest runs unoptimized at first (about 30 ns a character
 * in a fresh process, against SHA-256's 10 in native code): for the 16 entries of a small store it costs a fraction
 * of a millisecond, where loading `node:crypto` costs 4-6; for 2,000 entries it costs 25 ms more than SHA-256. Many
 * texts are therefore keyed with SHA-256. Each key says which digest made it, so a store that grows past the bound
 * is rendered afresh once, never served another key's record.
 */
export function keyerFor(count: number): (text: string) => string {
  if (count < MANY_TEXTS) return (text) => `m${digest(text)}`;
  const { hash, createHash } = crypto();
  // the one-shot hash (Node 20.12) makes no Hash object per text
  if (typeof hash === 'function') return (text) => `s${hash('sha256', text, 'base64url')}`;
  return (text) => `s${createHash('sha256').update(text).digest('base64url')}`;
}

/** `bytes` random bytes as hexadecimal, for names that must not collide with another process's. */
export function randomHex(bytes: number): string {
  return crypto().randomBytes(bytes).toString('hex');
}
