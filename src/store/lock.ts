/**
 * The store's lock: `<store>.lock`, a file created with exclusive creation (`O_EXCL`) that names its holder (PID,
 * host, a random token). While the work runs, a heartbeat refreshes the file's time, however long the work takes;
 * nothing is ever written inside a lock folder. A lock is taken over only when its holder is truly gone: on this host
 * its PID is not running, elsewhere its heartbeat has stopped for `staleMs`. A take-over itself runs under a second
 * exclusive file (`<store>.lock.takeover`) and re-reads the lock before removing it, so two runs that both find a
 * dead holder can never both win.
 */
import { randomHex } from '../digest.js';
import { closeSync, openSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class StoreLockedError extends Error {}

export interface LockTimings {
  /** How often the holder refreshes the lock's time. */
  readonly refreshMs?: number;
  /** A lock from another host whose time is older than this is stale. */
  readonly staleMs?: number;
}

/** A held lock. */
export interface StoreLock {
  /** False once another run has taken the lock over (the work must then write nothing). */
  held(): boolean;
  release(): Promise<void>;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    // an older bibfolio's note has no token
    if (typeof value.pid === 'number' && typeof value.host === 'string')
      return { pid: value.pid, host: value.host, token: typeof value.token === 'string' ? value.token : '' };
  } catch {
    // not a holder note
  }
  return undefined;
}

/** Creates the lock file exclusively with our note; false when it exists. */
function create(lockPath: string, note: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, note);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's text and its age, undefined when there is none; a folder (an older bibfolio's lock) reads as its note. */
function inspect(lockPath: string): { text: string; ageMs: number; folder: boolean } | undefined {
  let stat;
  try {
    stat = statSync(lockPath);
  } catch {
    return undefined;
  }
  const folder = stat.isDirectory();
  let text = '';
  try {
    text = readFileSync(folder ? join(lockPath, 'owner.json') : lockPath, 'utf8');
  } catch {
    // no note (yet)
  }
  return { text, ageMs: Date.now() - stat.mtimeMs, folder };
}

/** Why the lock's holder is gone, or undefined while it may still be working. */
function goneBecause(found: { text: string; ageMs: number }, staleMs: number): string | undefined {
  const holder = readHolder(found.text);
  if (holder && holder.host === hostname()) return alive(holder.pid) ? undefined : `pid ${holder.pid} is not running`;
  // a live run names itself within milliseconds of creating the lock: no note after NAMING_MS, it was killed first
  if (!holder) return found.ageMs > NAMING_MS ? 'killed before it named itself' : undefined;
  // another host: only the heartbeat tells
  if (found.ageMs > staleMs) return `${holder.host} has not refreshed it for ${Math.round(found.ageMs / 1000)} s`;
  return undefined;
}

const TAKEOVER_STALE_MS = 10_000;
const NAMING_MS = 2000;

/** Removes a lock judged gone, under the take-over file; false when another run is taking over or took over first. */
function takeOver(lockPath: string, judged: { text: string; folder: boolean }): boolean {
  const guard = `${lockPath}.takeover`;
  if (!create(guard, String(process.pid))) {
    // a take-over lasts milliseconds: a guard this old was left by a run killed in the middle of one
    try {
      if (Date.now() - statSync(guard).mtimeMs < TAKEOVER_STALE_MS) return false;
      unlinkSync(guard);
    } catch {
      return false;
    }
    if (!create(guard, String(process.pid))) return false;
  }
  try {
    const now = inspect(lockPath);
    if (now === undefined) return true;
    if (now.text !== judged.text || now.folder !== judged.folder) return false; // another run holds it now
    rmSync(lockPath, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/** Takes the store's lock (`<store>.lock`); throws StoreLockedError while a live run holds it. */
export async function lockStore(
  path: string,
  display = path,
  note: (text: string) => void = () => {},
  timings: LockTimings = {},
): Promise<StoreLock> {
  const lockPath = `${path}.lock`;
  const refreshMs = timings.refreshMs ?? 10_000;
  const staleMs = timings.staleMs ?? Math.max(6 * refreshMs, 60_000);
  const token = randomHex(12);
  const text = JSON.stringify({ pid: process.pid, host: hostname(), token });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(lockPath, text)) return heldLock(lockPath, text, refreshMs);
    const found = inspect(lockPath);
    if (found === undefined) continue; // released in the meantime
    let judged = found;
    if (readHolder(found.text) === undefined && found.ageMs <= NAMING_MS) {
      // perhaps a run that is naming itself right now: look again when it would have
      await new Promise((resolve) => setTimeout(resolve, NAMING_MS - found.ageMs + 50));
      const again = inspect(lockPath);
      if (again === undefined) continue;
      judged = again;
    }
    const why = goneBecause(judged, staleMs);
    if (why === undefined || !takeOver(lockPath, judged)) break;
    if (create(lockPath, text)) {
      note(`took over the lock ${display}.lock: the bibfolio run that held it is gone (${why})`);
      return heldLock(lockPath, text, refreshMs);
    }
  }
  throw new StoreLockedError(
    `${display} is locked by another bibfolio run (lock: ${display}.lock); wait for it to finish, or remove the lock if no run is going on`,
  );
}

function heldLock(lockPath: string, text: string, refreshMs: number): StoreLock {
  let lost = false;
  const ours = (): boolean => {
    try {
      return readFileSync(lockPath, 'utf8') === text;
    } catch {
      return false;
    }
  };
  const heartbeat = setInterval(() => {
    if (lost) return;
    if (!ours()) {
      lost = true;
      return;
    }
    try {
      const now = new Date();
      utimesSync(lockPath, now, now);
    } catch {
      // checked again at the next beat and before any write
    }
  }, refreshMs);
  heartbeat.unref();
  return {
    held: () => !lost && ours(),
    release: async () => {
      clearInterval(heartbeat);
      if (ours()) rmSync(lockPath, { force: true });
    },
  };
}
