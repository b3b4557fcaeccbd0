/** Reading the store from disk (the I/O edge of parsing). */
import { readFileSync } from 'node:fs';
import { decodeStore, StoreEncodingError } from './encoding.js';
import { parseStore, type ParsedStore } from './parse.js';
import { StoreReadError } from './errors.js';

/** Reads and parses a store; its encoding is UTF-8 unless `encoding` (the config's) or its first line names one. */
export function readStore(path: string, displayPath = path, encoding?: string): ParsedStore {
  const read = readStoreText(path, displayPath, encoding);
  return { ...parseStore(read.text, displayPath), encoding: read.encoding };
}

/** A store's text, decoded as readStore decodes it, and the encoding it was read in. */
export function readStoreText(
  path: string,
  displayPath = path,
  encoding?: string,
): { readonly text: string; readonly encoding: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? (err as Error).message);
    throw new StoreReadError(`cannot read the store ${displayPath}: ${reason}`);
  }
  try {
    return decodeStore(bytes, displayPath, encoding);
  } catch (err) {
    if (err instanceof StoreEncodingError) throw new StoreReadError(err.message);
    throw err;
  }
}

/** A text file's content, or undefined when it cannot be read (not there yet): for files bibfolio itself writes. */
export function readTextIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export { StoreReadError };
