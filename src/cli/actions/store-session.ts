/**
 * What every command that rewrites the store shares (sync-arxiv, sync-venues): the lock (a dead holder's taken over),
 * leftovers of an interrupted write removed, the store read losslessly or refused, the sidecar settled against the
 * store's bytes, and the commit: sidecar with the new records pending, store, sidecar, each written atomically, in
 * the store's own encoding, only when the store on disk is still the one that was read.
 */
import { createTwoFilesPatch } from 'diff';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { formatProblem } from '../../model/problems.js';
import { decodeStore, encodeStore, StoreEncodingError } from '../../store/encoding.js';
import { parseStore, type ParsedStore } from '../../store/parse.js';
import { readStore, readTextIfThere, StoreReadError } from '../../store/read.js';
import { removeLeftoverTemporaries, writeFileAtomically } from '../../store/atomic-write.js';
import { lockStore, StoreLockedError, type StoreLock } from '../../store/lock.js';
import {
  emptySidecar,
  parseSidecar,
  serializeSidecar,
  settleSidecar,
  SidecarError,
  sidecarPathFor,
  type Sidecar,
  withPending,
} from '../../sync/sidecar.js';
import type { Context } from '../context.js';
import { CliFailure, type Io } from '../io.js';

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

function readSidecar(path: string, display: string, io: Io): Sidecar {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptySidecar();
    throw new CliFailure(`cannot read ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseSidecar(text, display, (message) => io.stderr(`warning: ${display}: ${message}\n`));
  } catch (err) {
    if (err instanceof SidecarError) throw new CliFailure(err.message);
    throw err;
  }
}

async function lock(path: string, display: string, io: Io): Promise<StoreLock> {
  // the heartbeat's period: a test can shorten it to show a lock outliving many of them
  const refreshMs = Number(io.env.BIBFOLIO_LOCK_REFRESH_MS) || undefined;
  try {
    return await lockStore(path, display, (text) => io.stderr(`note: ${text}\n`), refreshMs ? { refreshMs } : {});
  } catch (err) {
    if (err instanceof StoreLockedError) throw new CliFailure(err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliFailure(`cannot read the store ${display}: no such file`);
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
    if (err instanceof StoreReadError) throw new CliFailure(err.message);
    throw err;
  }
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

/**
 * Runs `work` with the store locked (unless a dry run) and read; `work` calls `commit`. `mayCreate`: a store that
 * does not exist yet starts empty (sync-arxiv with IDs named). `within`: a step of an enclosing transaction, which
 * holds the lock and writes once.
 */
export async function withStoreSession<T>(
  ctx: Context,
  io: Io,
  options: {
    readonly dryRun: boolean;
    readonly mayCreate: boolean;
    readonly what: string;
    readonly within?: StepSession;
  },
  work: (session: StoreSession) => Promise<T>,
): Promise<T> {
  if (options.within) return work(options.within);
  const sidecarPath = sidecarPathFor(ctx.storePath);
  const sidecarDisplay = relative(io.cwd, sidecarPath) || sidecarPath;
  // the first sync into a new store creates its folder
  if (!options.dryRun && options.mayCreate) mkdirSync(dirname(ctx.storePath), { recursive: true });
  const held = options.dryRun ? undefined : await lock(ctx.storePath, ctx.storeDisplay, io);
  if (held) {
    const removed = removeLeftoverTemporaries([ctx.storePath, sidecarPath]);
    if (removed.length > 0) io.stderr(`note: removed ${removed.join(', ')}, left by an interrupted write\n`);
  }
  try {
    const store =
      existsSync(ctx.storePath) || !options.mayCreate
        ? readExisting(ctx.storePath, ctx.storeDisplay, ctx.config.encoding)
        : parseStore('', ctx.storeDisplay);
    if (!store.lossless) {
      for (const p of store.problems) io.stderr(`${formatProblem(p)}\n`);
      throw new CliFailure(
        `${ctx.storeDisplay} cannot be parsed losslessly (errors above), so it is not rewritten; nothing was written`,
      );
    }
    const settled = settleSidecar(readSidecar(sidecarPath, sidecarDisplay, io), storeBytesOnDisk(ctx.storePath));
    if (settled.healing === 'completed')
      io.stderr(
        `note: the last sync was stopped after writing ${ctx.storeDisplay}; its record in ${sidecarDisplay} is completed\n`,
      );
    else if (settled.healing === 'dropped')
      io.stderr(
        `note: the last sync was stopped before writing ${ctx.storeDisplay}; its unfinished record in ${sidecarDisplay} is dropped\n`,
      );
    const session: StoreSession = {
      store,
      sidecar: settled.sidecar,
      dryRun: options.dryRun,
      async commit(source, next) {
        if (options.dryRun) {
          if (source !== store.scan.source)
            session.diff = createTwoFilesPatch(
              ctx.storeDisplay,
              ctx.storeDisplay,
              store.scan.source,
              source,
              'store',
              `after ${options.what}`,
            );
          return;
        }
        if (held && !held.held()) {
          throw new CliFailure(
            `${ctx.storeDisplay}.lock was taken over by another run during the ${options.what}; nothing was written, run it again`,
          );
        }
        if (!sameOnDisk(ctx.storePath, ctx.storeDisplay, store)) {
          throw new CliFailure(
            `${ctx.storeDisplay} changed on disk during the ${options.what}; nothing was written, run it again`,
          );
        }
        const newSidecar = serializeSidecar(next);
        if (source !== store.scan.source) {
          // written back in the store's own encoding: every byte outside the edits stays as it was
          let bytes: Buffer;
          try {
            bytes = encodeStore(source, store.encoding ?? 'utf-8', ctx.storeDisplay);
          } catch (err) {
            if (err instanceof StoreEncodingError) throw new CliFailure(err.message);
            throw err;
          }
          // the sidecar first, with the new records pending on the new bytes: a kill at any point can be told apart
          await writeFileAtomically(sidecarPath, serializeSidecar(withPending(session.sidecar, next, bytes)));
          await writeFileAtomically(ctx.storePath, bytes);
          await writeFileAtomically(sidecarPath, newSidecar);
        } else if (newSidecar !== readTextIfThere(sidecarPath)) await writeFileAtomically(sidecarPath, newSidecar);
      },
    };
    return await work(session);
  } finally {
    await held?.release();
  }
}
