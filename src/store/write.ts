/**
 * Writing the store: atomic (a temporary file renamed over the old one, by write-file-atomic), under a lock
 * (proper-lockfile) that makes a second concurrent writer fail fast.
 */
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';

export class StoreLockedError extends Error {}

/** Takes the store's lock (`<store>.lock`); resolves to the function that releases it. */
export async function lockStore(path: string, display = path): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(path, { realpath: false, retries: 0, stale: 5 * 60_000, update: 30_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreLockedError(
        `${display} is locked by another bibfolio run (lock: ${display}.lock); wait for it to finish, or remove the lock if no run is going on`,
      );
    }
    throw err;
  }
}

export function writeFileAtomically(path: string, content: string | Buffer): Promise<void> {
  return typeof content === 'string'
    ? writeFileAtomic(path, content, { encoding: 'utf8' })
    : writeFileAtomic(path, content);
}
