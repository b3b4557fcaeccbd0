/**
 * The bytes of a store as text, and back. A store is read as UTF-8 only when it is valid UTF-8 (a BOM is kept as it
 * is); anything else is an error that names the first bad byte's line and column, unless the config or a first line
 * `% !TeX encoding = …` names the encoding. Edits are written back in the store's own encoding, so that every other
 * byte stays as it was; a character that encoding cannot hold is refused, never replaced. Pure.
 */
import { isUtf8 } from 'node:buffer';
import { lookupTable } from '../model/lookup-table.js';

export class StoreEncodingError extends Error {}

/** Encodings bibfolio can also write back (Node's Buffer codecs); others can be read but not rewritten. */
const WRITABLE: Readonly<Record<string, 'utf8' | 'latin1' | 'ascii'>> = lookupTable({
  'utf-8': 'utf8',
  utf8: 'utf8',
  latin1: 'latin1',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  ascii: 'ascii',
  'us-ascii': 'ascii',
});

export interface DecodedStore {
  readonly text: string;
  /** The encoding's label as named (`utf-8` when none was). */
  readonly encoding: string;
}

/** `% !TeX encoding = latin1` (TeXShop's and TeXworks' magic comment) on the first line. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const firstLine =
    Buffer.from(bytes.subarray(0, 200))
      .toString('latin1')
      .split(/\r\n|\r|\n/)[0] ?? '';
  return /^%\s*!TeX\s+encoding\s*=\s*([\w.-]+)/i.exec(firstLine)?.[1];
}

/** Line and column (1-based) of a byte offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // the column counts characters of the valid UTF-8 before the bad byte
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { line, column };
}

/** The offset of the first byte that is not part of valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    // overlong three-byte forms, surrogates, and code points past U+10FFFF
    const b1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a store's bytes; throws StoreEncodingError (file:line:column and what to do) when they are not text. */
export function decodeStore(bytes: Uint8Array, display: string, configured?: string): DecodedStore {
  const named = configured ?? declaredEncoding(bytes);
  if (named !== undefined && !/^utf-?8$/i.test(named)) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(named.toLowerCase(), { fatal: true });
    } catch {
      throw new StoreEncodingError(
        `${display}: "${named}" is not an encoding bibfolio knows; name one such as utf-8, latin1, windows-1252`,
      );
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new StoreEncodingError(
        `${display}: the bytes are not valid ${named}; check the encoding the config or the first line names`,
      );
    }
    return { text, encoding: named.toLowerCase() };
  }
  // the native check (simdutf) is strict UTF-8 as well, and ~20x quicker; the scan in JS only finds where it breaks
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const { line, column } = position(bytes, bad);
    const byte = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    throw new StoreEncodingError(
      `${display}:${line}:${column}: byte 0x${byte} is not UTF-8, so the store is not read (nothing is changed); ` +
        `convert it to UTF-8 (iconv -f latin1 -t utf-8), or name its encoding: "encoding": "latin1" in the config, or a first line "% !TeX encoding = latin1"`,
    );
  }
  // a BOM stays in the text, as any other byte: the scanner treats it as text before the first entry
  // control characters stay in the text (byte for byte); parsing warns and reads the values without them
  return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };
}

/** Text back to the store's encoding; throws StoreEncodingError for an encoding or a character it cannot write. */
export function encodeStore(text: string, encoding: string, display: string): Buffer {
  const codec = WRITABLE[encoding.toLowerCase()];
  if (codec === undefined) {
    throw new StoreEncodingError(
      `${display} is in ${encoding}, which bibfolio reads but does not write; convert it to UTF-8 first (nothing was written)`,
    );
  }
  if (codec !== 'utf8') {
    const bad = (codec === 'ascii' ? /[^\u0000-\u007f]/u : /[^\u0000-\u00ff]/u).exec(text);
    if (bad) {
      const line = text.slice(0, bad.index).split(/\r\n|\r|\n/).length;
      throw new StoreEncodingError(
        `${display}:${line}: "${bad[0]}" cannot be written in ${encoding}; convert the store to UTF-8 (nothing was written)`,
      );
    }
  }
  return Buffer.from(text, codec === 'ascii' ? 'latin1' : codec);
}
