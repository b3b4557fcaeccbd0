/** Writes a generated file: parent folders created, then the one atomic writer (exclusive temporary, fsync, rename). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomicallySync } from '../store/atomic-write.js';

export function writeOutputFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicallySync(path, content);
}
