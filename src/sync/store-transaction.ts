/**
 * The store's one transaction, for every command and library user that rewrites a store: the lock (a dead holder's
 * taken over), leftovers of an interrupted write removed, the store read losslessly or refused, the sidecar settled
 * against the store's bytes, and the commit: sidecar with the new records pending, store, sidecar, each written
 * atomically (file and folder fsynced), in the store's own encoding, only when the store on disk is still the one
 * that was read. A failure is a `StoreTransactionError` with one line for the user; nothing is written by it.
 */
import { createTwoFilesPatch } from 'diff';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeStore, encodeStore, StoreEncodingError } from '../store/encoding.js';
import { parseStore, type ParsedStore } from '../store/parse.js';
import { readStore, readTextIfThere, StoreReadError } from '../store/read.js';
import { removeLeftoverTemporaries, writeFileAtomically } from '../store/atomic-write.js';
import { lockStore, StoreLockedError, type StoreLock } from '../store/lock.js';
import {
  emptySidecar,
  parseSidecar,
  serializeSidecar,
  settleSidecar,
  SidecarError,
  sidecarPathFor,
  type Sidecar,
  withPending,
} from './sidecar.js';
import { StoreTransactionError } from './errors.js';

export interface StoreSession {
  readonly store: ParsedStore;
  /** The sidecar that belongs to the store on disk. */
  readonly sidecar: Sidecar;
  readonly dryRun: boolean;
  /** The unified diff of a dry run (undefined when nothing would change), after `commit`. */
  diff?: string;
  /** Writes (or, in a dry run, diffs) the new store and sidecar. */
  commit(source: string, sidecar: Sidecar): Promise<void>;
}

/**
 * A step of a larger transaction (`bibfolio sync`): each commit is kept in memory and becomes the next step's store;
 * the enclosing session writes the last one once, or nothing when a step fails.
 */
export class StepSession implements StoreSession {
  /** Whether any step changed the store's text. */
  changed = false;
  constructor(
    public store: ParsedStore,
    public sidecar: Sidecar,
    readonly dryRun: boolean,
  ) {}

  async commit(source: string, next: Sidecar): Promise<void> {
    if (source !== this.store.scan.source) {
      const reread = parseStore(source, this.store.file);
      // a step's edits re-read as the next step's store: anything not lossless is a bug, never written
      if (!reread.lossless) throw new Error(`a sync step left ${this.store.file} unreadable`);
      this.store = { ...reread, ...(this.store.encoding ? { encoding: this.store.encoding } : {}) };
      this.changed = true;
    }
    this.sidecar = next;
  }
}

export interface StoreTransactionOptions {
  readonly storePath: string;
  /** The store's name in messages (relative to where the user is). */
  readonly storeDisplay: string;
  readonly sidecarDisplay?: string;
  /** The store's encoding when it is not UTF-8. */
  readonly encoding?: string;
  readonly dryRun: boolean;
  /** A store that does not exist yet starts empty (and its folder is made). */
  readonly mayCreate: boolean;
  /** What is being done, for messages: "sync", "import". */
  readonly what: string;
  /** A step of an enclosing transaction, which holds the lock and writes once. */
  readonly within?: StepSession;
  /** Notes for the user (a lock taken over, an interrupted write healed); warnings about the sidecar. */
  readonly onNote?: (text: string) => void;
  readonly lockRefreshMs?: number;
}

function readSidecar(path: string, display: string, onNote: (text: string) => void): Sidecar {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptySidecar();
    throw new StoreTransactionError(
      `cannot read ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return parseSidecar(text, display, (message) => onNote(`warning: ${display}: ${message}`));
  } catch (err) {
    if (err instanceof SidecarError) throw new StoreTransactionError(err.message);
    throw err;
  }
}

async function lock(options: StoreTransactionOptions, onNote: (text: string) => void): Promise<StoreLock> {
  try {
    return await lockStore(
      options.storePath,
      options.storeDisplay,
      (text) => onNote(`note: ${text}`),
      options.lockRefreshMs ? { refreshMs: options.lockRefreshMs } : {},
    );
  } catch (err) {
    if (err instanceof StoreLockedError) throw new StoreTransactionError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new StoreTransactionError(`cannot read the store ${options.storeDisplay}: no such file`);
    throw err;
  }
}

/** Whether the store on disk still holds the text that was read (a store not there yet holds nothing). */
function sameOnDisk(path: string, display: string, store: ParsedStore): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return store.scan.source === '';
  }
  try {
    return decodeStore(bytes, display, store.encoding).text === store.scan.source;
  } catch {
    return false;
  }
}

/** The store's bytes as they are on disk ('' when there is no store yet). */
function storeBytesOnDisk(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch {
    return '';
  }
}

function readExisting(path: string, display: string, encoding: string | undefined): ParsedStore {
  try {
    return readStore(path, display, encoding);
  } catch (err) {
    if (err instanceof StoreReadError) throw new StoreTransactionError(err.message);
    throw err;
  }
}

/** Runs `work` with the store locked (unless a dry run) and read; `work` calls `commit` to write. */
export async function withStoreTransaction<T>(
  options: StoreTransactionOptions,
  work: (session: StoreSession) => Promise<T>,
): Promise<T> {
  if (options.within) return work(options.within);
  const onNote = options.onNote ?? (() => undefined);
  const { storePath, storeDisplay } = options;
  const sidecarPath = sidecarPathFor(storePath);
  const sidecarDisplay = options.sidecarDisplay ?? sidecarPath;
  // the first sync into a new store creates its folder
  if (!options.dryRun && options.mayCreate) mkdirSync(dirname(storePath), { recursive: true });
  const held = options.dryRun ? undefined : await lock(options, onNote);
  if (held) {
    const removed = removeLeftoverTemporaries([storePath, sidecarPath]);
    if (removed.length > 0) onNote(`note: removed ${removed.join(', ')}, left by an interrupted write`);
  }
  try {
    const store =
      existsSync(storePath) || !options.mayCreate
        ? readExisting(storePath, storeDisplay, options.encoding)
        : parseStore('', storeDisplay);
    if (!store.lossless)
      throw new StoreTransactionError(
        `${storeDisplay} cannot be parsed losslessly (errors above), so it is not rewritten; nothing was written`,
        store.problems,
      );
    const settled = settleSidecar(readSidecar(sidecarPath, sidecarDisplay, onNote), storeBytesOnDisk(storePath));
    if (settled.healing === 'completed')
      onNote(
        `note: the last sync was stopped after writing ${storeDisplay}; its record in ${sidecarDisplay} is completed`,
      );
    else if (settled.healing === 'dropped')
      onNote(
        `note: the last sync was stopped before writing ${storeDisplay}; its unfinished record in ${sidecarDisplay} is dropped`,
      );
    const session: StoreSession = {
      store,
      sidecar: settled.sidecar,
      dryRun: options.dryRun,
      async commit(source, next) {
        if (options.dryRun) {
          if (source !== store.scan.source)
            session.diff = createTwoFilesPatch(
              storeDisplay,
              storeDisplay,
              store.scan.source,
              source,
              'store',
              `after ${options.what}`,
            );
          return;
        }
        if (held && !held.held())
          throw new StoreTransactionError(
            `${storeDisplay}.lock was taken over by another run during the ${options.what}; nothing was written, run it again`,
          );
        if (!sameOnDisk(storePath, storeDisplay, store))
          throw new StoreTransactionError(
            `${storeDisplay} changed on disk during the ${options.what}; nothing was written, run it again`,
          );
        const newSidecar = serializeSidecar(next);
        if (source !== store.scan.source) {
          // written back in the store's own encoding: every byte outside the edits stays as it was
          let bytes: Buffer;
          try {
            bytes = encodeStore(source, store.encoding ?? 'utf-8', storeDisplay);
          } catch (err) {
            if (err instanceof StoreEncodingError) throw new StoreTransactionError(err.message);
            throw err;
          }
          // the sidecar first, with the new records pending on the new bytes: a kill at any point can be told apart
          await writeFileAtomically(sidecarPath, serializeSidecar(withPending(session.sidecar, next, bytes)));
          await writeFileAtomically(storePath, bytes);
          await writeFileAtomically(sidecarPath, newSidecar);
        } else if (newSidecar !== readTextIfThere(sidecarPath)) await writeFileAtomically(sidecarPath, newSidecar);
      },
    };
    return await work(session);
  } finally {
    await held?.release();
  }
}

export { StoreTransactionError };
