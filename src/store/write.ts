/**
 * Writing the store: atomic (a temporary file renamed over the old one, by write-file-atomic), under a lock
 * (proper-lockfile) that makes a second concurrent writer fail fast. A lock whose holder is gone (this host, a dead
 * PID) is taken over at once, and temporary files an interrupted run left beside the store are removed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';

export class StoreLockedError extends Error {}

export interface LockNote {
  /** Said when a lock left by a run that is gone was taken over. */
  readonly tookOver?: string;
}

const OWNER_FILE = 'owner.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PID that holds a lock on this host when it is no longer running, else undefined. */
function deadHolder(lockDir: string): number | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(lockDir, OWNER_FILE), 'utf8')) as { pid?: unknown; host?: unknown };
    if (owner.host !== hostname() || typeof owner.pid !== 'number') return undefined;
    return alive(owner.pid) ? undefined : owner.pid;
  } catch {
    return undefined;
  }
}

/** How long a live run may take between creating the lock and naming itself in it. */
const NAMING_MS = 2000;

/**
 * A lock with no owner note: its run was killed between taking the lock and naming itself (a live run names itself
 * within milliseconds). After NAMING_MS with still no note, it is taken for dead; 0 stands for "unknown PID".
 */
async function diedBeforeNaming(lockDir: string): Promise<number | undefined> {
  let age: number;
  try {
    age = Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return undefined;
  }
  if (existsSync(join(lockDir, OWNER_FILE))) return undefined;
  if (age < NAMING_MS) await new Promise((resolve) => setTimeout(resolve, NAMING_MS - age));
  return existsSync(lockDir) && !existsSync(join(lockDir, OWNER_FILE)) ? 0 : undefined;
}

/** Takes the store's lock (`<store>.lock`); resolves to the function that releases it. */
export async function lockStore(
  path: string,
  display = path,
  note: (text: string) => void = () => {},
): Promise<() => Promise<void>> {
  const lockDir = `${path}.lock`;
  const take = async (): Promise<() => Promise<void>> => {
    const release = await lockfile.lock(path, { realpath: false, retries: 0, stale: 5 * 60_000, update: 30_000 });
    try {
      writeFileSync(join(lockDir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
    } catch {
      // the lock holds without its note; a later run then waits for it to go stale
    }
    // proper-lockfile removes the lock folder: its note goes first
    return async () => {
      rmSync(join(lockDir, OWNER_FILE), { force: true });
      await release();
    };
  };
  try {
    return await take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const pid = deadHolder(lockDir) ?? (await diedBeforeNaming(lockDir));
    if (pid !== undefined) {
      rmSync(lockDir, { recursive: true, force: true });
      note(
        `took over the lock ${display}.lock: the bibfolio run that held it (${pid === 0 ? 'killed before it named itself' : `pid ${pid}`}) is gone`,
      );
      return take();
    }
    throw new StoreLockedError(
      `${display} is locked by another bibfolio run (lock: ${display}.lock); wait for it to finish, or remove the lock if no run is going on`,
    );
  }
}

/**
 * Removes the temporary files an interrupted atomic write left beside these files (write-file-atomic names them
 * `<name>.<number>`); called with the lock held, so no other run is writing them. Returns the names removed.
 */
export function removeLeftoverTemporaries(paths: readonly string[]): string[] {
  const removed: string[] = [];
  for (const path of paths) {
    const dir = dirname(path);
    const name = basename(path);
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      if (file.length > name.length + 1 && file.startsWith(`${name}.`) && /^\d+$/.test(file.slice(name.length + 1))) {
        try {
          unlinkSync(join(dir, file));
          removed.push(file);
        } catch {
          // gone already
        }
      }
    }
  }
  return removed;
}

export function writeFileAtomically(path: string, content: string | Buffer): Promise<void> {
  return typeof content === 'string'
    ? writeFileAtomic(path, content, { encoding: 'utf8' })
    : writeFileAtomic(path, content);
}
