/** Reading the store from disk (the I/O edge of parsing). */
import { readFileSync } from 'node:fs';
import { parseStore, type ParsedStore } from './parse.js';

export class StoreReadError extends Error {}

export function readStore(path: string, displayPath = path): ParsedStore {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? (err as Error).message);
    throw new StoreReadError(`cannot read the store ${displayPath}: ${reason}`);
  }
  return parseStore(source, displayPath);
}
