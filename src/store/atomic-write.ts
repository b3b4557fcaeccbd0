/**
 * The one atomic writer: every file bibfolio writes (the store, its sidecar, outputs, caches, styles, bundles) goes
 * through it. The content goes to a temporary file in the target's folder, created with exclusive creation
 * (`O_EXCL`, which also refuses to follow a symlink planted at that name) under a name with a random part and a fixed
 * marker that only bibfolio makes (`<name>.bibfolio-tmp-<16 hex digits>`); the file is synced to disk, renamed over
 * the target, and the folder synced. A target that is a symlink is written where it points (a store kept elsewhere
 * and linked stays where it is).
 */
import {
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const TEMPORARY_MARKER = '.bibfolio-tmp-';

const OWN_TEMPORARY = /\.bibfolio-tmp-[0-9a-f]{16}$/;

/**
 * A fresh temporary name beside `path`, which only bibfolio makes. Its random part must be unique, not secret: the
 * file is created with exclusive creation, and a name already taken (by another process, or planted) is refused and
 * another drawn. So it is drawn with Math.random, which Node seeds from the system's entropy, without loading
 * `node:crypto` (4-6 ms of a run that writes a cache for the first time).
 */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `${basename(path)}${TEMPORARY_MARKER}${randomWord()}${randomWord()}`);
}

const randomWord = (): string =>
  Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');

/** Tries at a name: another is drawn only when one is taken, so a few always suffice. */
const NAME_TRIES = 8;

/** A new temporary file beside `target`, created exclusively (never through a symlink); its name and descriptor. */
function createTemporary(target: string, mode: number): { readonly temp: string; readonly fd: number } {
  for (let tries = 1; ; tries++) {
    const temp = temporaryNameFor(target);
    try {
      const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
      return { temp, fd: openSync(temp, flags, mode) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= NAME_TRIES) throw err;
    }
  }
}

function resolvedTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // some file systems cannot sync a folder; the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `durable: false` skips the syncs (caches, which only cost time when lost). */
export function writeFileAtomicallySync(
  path: string,
  content: string | Uint8Array,
  { durable = true }: { readonly durable?: boolean } = {},
): void {
  const target = resolvedTarget(path);
  let mode = 0o666;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    // a new file: the default mode, less the umask
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { temp, fd } = createTemporary(target, mode);
  try {
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or gone
    }
    throw err;
  }
  if (durable) syncFolder(dirname(target));
}

export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  writeFileAtomicallySync(path, content);
}

/**
 * Removes the temporary files an interrupted write of these files left (bibfolio's own names only: a backup such as
 * `pubs.bib.1` or `pubs.bib.20240101` is never touched). Call with the lock held. Returns the names removed.
 */
export function removeLeftoverTemporaries(paths: readonly string[]): string[] {
  const removed: string[] = [];
  for (const path of paths) {
    const target = resolvedTarget(path);
    const dir = dirname(target);
    const prefix = `${basename(target)}${TEMPORARY_MARKER}`;
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      if (!file.startsWith(prefix) || !OWN_TEMPORARY.test(file) || file.length !== prefix.length + 16) continue;
      try {
        unlinkSync(join(dir, file));
        removed.push(file);
      } catch {
        // gone already
      }
    }
  }
  return removed;
}

/** A generated file (a list, a page, an export): its parent folders created, then written atomically. */
export function writeOutputFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicallySync(path, content);
}
