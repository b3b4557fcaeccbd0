/** The work of `bibfolio sync-arxiv`: fills in and refreshes the store from arXiv; hand edits win. */
import cliProgress from 'cli-progress';
import { createTwoFilesPatch } from 'diff';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ArxivClient, ArxivError, ArxivUsageError, type Progress } from '../../arxiv/client.js';
import { defaultCacheDir, FileCache } from '../../arxiv/cache.js';
import { nameChangesOf } from '../../model/config.js';
import { parseArxivId } from '../../model/arxiv-id.js';
import { formatProblem } from '../../model/problems.js';
import { parseStore, type ParsedStore } from '../../store/parse.js';
import { decodeStore, encodeStore, StoreEncodingError } from '../../store/encoding.js';
import { readStore, StoreReadError } from '../../store/read.js';
import { lockStore, removeLeftoverTemporaries, StoreLockedError, writeFileAtomically } from '../../store/write.js';
import { idsToSync, planSync } from '../../sync/plan.js';
import { formatReport } from '../../sync/report.js';
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
import { loadContext } from '../context.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';

export interface SyncFlags {
  bib?: string;
  config?: string;
  dryRun?: boolean;
  promote?: boolean;
  refresh?: boolean;
  apiUrl?: string;
  delayMs?: number;
  batchSize?: number;
  json?: boolean;
}

function readSidecar(path: string, display: string): Sidecar {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptySidecar();
    throw new CliFailure(`cannot read ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseSidecar(text, display);
  } catch (err) {
    if (err instanceof SidecarError) throw new CliFailure(err.message);
    throw err;
  }
}

function progressDisplay(io: Io): { update(p: Progress): void; stop(): void } {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: 'arXiv {bar} {value}/{total} batches | {fetched}/{ids} IDs',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(p.batches, p.batchesDone, { fetched: p.idsFetched, ids: p.ids });
        started = true;
      } else bar.update(p.batchesDone, { fetched: p.idsFetched, ids: p.ids });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function lock(path: string, display: string, io: Io): Promise<() => Promise<void>> {
  try {
    return await lockStore(path, display, (text) => io.stderr(`note: ${text}\n`));
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

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
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

export async function run(inputs: string[], flags: SyncFlags, io: Io): Promise<void> {
  const requested: string[] = [];
  for (const input of inputs) {
    const id = parseArxivId(input);
    if (!id)
      throw new CliUsageError(
        `"${input}" is not a well-formed arXiv identifier (e.g. 2506.15740, hep-th/9901001, https://arxiv.org/abs/2506.15740); nothing was sent`,
      );
    requested.push(id.id);
  }
  const ctx = loadContext(flags, io);
  const sync = ctx.config.sync;
  const progress = progressDisplay(io);
  let client: ArxivClient;
  try {
    client = new ArxivClient({
      apiUrl: flags.apiUrl ?? sync.apiUrl,
      delayMs: flags.delayMs ?? sync.delayMs,
      batchSize: flags.batchSize ?? sync.batchSize,
      cache: new FileCache(defaultCacheDir(io.env)),
      refresh: flags.refresh ?? false,
      onProgress: (p) => progress.update(p),
      // a wait for a retry is said, so a bar standing still is never a mystery
      onRetry: ({ attempt, waitMs, reason }) =>
        io.stderr(`\narXiv: ${reason}; trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${attempt + 1})\n`),
    });
  } catch (err) {
    if (err instanceof ArxivUsageError) throw new CliUsageError(err.message);
    throw err;
  }

  const sidecarPath = sidecarPathFor(ctx.storePath);
  const sidecarDisplay = relative(io.cwd, sidecarPath) || sidecarPath;
  // the first sync into a new store creates its folder
  if (!flags.dryRun && requested.length > 0) mkdirSync(dirname(ctx.storePath), { recursive: true });
  const release = flags.dryRun ? undefined : await lock(ctx.storePath, ctx.storeDisplay, io);
  if (release) {
    const removed = removeLeftoverTemporaries([ctx.storePath, sidecarPathFor(ctx.storePath)]);
    if (removed.length > 0) io.stderr(`note: removed ${removed.join(', ')}, left by an interrupted write\n`);
  }
  try {
    // a store that does not exist yet starts empty when IDs are named
    const store =
      existsSync(ctx.storePath) || requested.length === 0
        ? readExisting(ctx.storePath, ctx.storeDisplay, ctx.config.encoding)
        : parseStore('', ctx.storeDisplay);
    if (!store.lossless) {
      for (const p of store.problems) io.stderr(`${formatProblem(p)}\n`);
      throw new CliFailure(
        `${ctx.storeDisplay} cannot be parsed losslessly (errors above), so it is not rewritten; nothing was written`,
      );
    }
    const settled = settleSidecar(readSidecar(sidecarPath, sidecarDisplay), storeBytesOnDisk(ctx.storePath));
    const sidecar = settled.sidecar;
    if (settled.healing === 'completed')
      io.stderr(
        `note: the last sync was stopped after writing ${ctx.storeDisplay}; its record in ${sidecarDisplay} is completed\n`,
      );
    else if (settled.healing === 'dropped')
      io.stderr(
        `note: the last sync was stopped before writing ${ctx.storeDisplay}; its unfinished record in ${sidecarDisplay} is dropped\n`,
      );
    const ids = idsToSync(store, requested);
    let fetched;
    try {
      fetched =
        ids.length === 0
          ? { records: new Map(), notFound: [] as string[], requests: 0, fromCache: 0 }
          : await client.fetchIds(ids);
    } catch (err) {
      if (err instanceof ArxivError) throw new CliFailure(`${err.message}; nothing was written`);
      if (err instanceof ArxivUsageError) throw new CliUsageError(err.message);
      throw err;
    } finally {
      progress.stop();
    }
    const plan = planSync({
      store,
      sidecar,
      records: fetched.records,
      notFound: fetched.notFound,
      requested,
      promote: flags.promote ?? false,
      abstract: sync.abstract,
      nameChanges: nameChangesOf(ctx.config),
    });
    const newSidecar = serializeSidecar(plan.sidecar);
    const oldSidecarText = safeRead(sidecarPath);
    const diff =
      flags.dryRun && plan.source !== store.scan.source
        ? createTwoFilesPatch(ctx.storeDisplay, ctx.storeDisplay, store.scan.source, plan.source, 'store', 'after sync')
        : undefined;
    if (!flags.dryRun) {
      if (!sameOnDisk(ctx.storePath, ctx.storeDisplay, store)) {
        throw new CliFailure(`${ctx.storeDisplay} changed on disk during the sync; nothing was written, run it again`);
      }
      if (plan.source !== store.scan.source) {
        // written back in the store's own encoding: every byte outside the edits stays as it was
        let bytes: Buffer;
        try {
          bytes = encodeStore(plan.source, store.encoding ?? 'utf-8', ctx.storeDisplay);
        } catch (err) {
          if (err instanceof StoreEncodingError) throw new CliFailure(err.message);
          throw err;
        }
        // the sidecar first, with the new records pending on the new bytes: a kill at any point can be told apart
        await writeFileAtomically(sidecarPath, serializeSidecar(withPending(sidecar, plan.sidecar, bytes)));
        await writeFileAtomically(ctx.storePath, bytes);
        await writeFileAtomically(sidecarPath, newSidecar);
      } else if (newSidecar !== oldSidecarText) await writeFileAtomically(sidecarPath, newSidecar);
    }
    if (flags.json) {
      // one JSON document on standard output; with --dry-run the diff is in it
      const json = { ...plan.report, written: !flags.dryRun, requests: fetched.requests, fromCache: fetched.fromCache };
      io.stdout(`${JSON.stringify(diff === undefined ? json : { ...json, diff }, null, 2)}\n`);
    } else {
      if (diff !== undefined) io.stdout(diff);
      io.stderr(formatReport(plan.report, !flags.dryRun));
    }
  } finally {
    await release?.();
  }
}
