/** The work of `bibfolio sync-arxiv`: fills in and refreshes the store from arXiv; hand edits win. */
import { deadlineSignal, type ServiceFlags } from '../options.js';
import cliProgress from 'cli-progress';
import { ArxivClient, ArxivError, ArxivUsageError, type Progress } from '../../arxiv/client.js';
import { defaultCacheDir, FileCache } from '../../arxiv/cache.js';
import { nameChangesOf } from '../../model/config.js';
import { parseArxivId } from '../../model/arxiv-id.js';
import { idsToSync, planSync } from '../../sync/plan.js';
import { formatReport } from '../../sync/report.js';
import { withStoreSession, type StepSession } from './store-session.js';
import { serviceSettings } from '../../model/services.js';
import { loadContext } from '../context.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';

export interface SyncFlags extends ServiceFlags {
  /** A step of `bibfolio sync`'s one transaction. */
  within?: StepSession;
  bib?: string;
  config?: string;
  dryRun?: boolean;
  promote?: boolean;
  refresh?: boolean;
  deadline?: number;
  batchSize?: number;
  json?: boolean;
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
      apiUrl: flags.arxivUrl ?? flags.apiUrl ?? serviceSettings(ctx.config).arxivUrl,
      delayMs: flags.delayMs ?? serviceSettings(ctx.config).arxivDelayMs,
      batchSize: flags.batchSize ?? sync.batchSize,
      cache: new FileCache(defaultCacheDir(io.env)),
      refresh: flags.refresh ?? false,
      signal: deadlineSignal(flags.deadline, sync.deadlineSeconds),
      onProgress: (p) => progress.update(p),
      // a wait for a retry is said, so a bar standing still is never a mystery
      onRetry: ({ attempt, waitMs, reason }) =>
        io.stderr(`\narXiv: ${reason}; trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${attempt + 1})\n`),
    });
  } catch (err) {
    if (err instanceof ArxivUsageError) throw new CliUsageError(err.message);
    throw err;
  }

  await withStoreSession(
    ctx,
    io,
    {
      dryRun: flags.dryRun ?? false,
      mayCreate: requested.length > 0,
      what: 'sync',
      ...(flags.within ? { within: flags.within } : {}),
    },
    async (session) => {
      const { store, sidecar } = session;
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
        ...(ctx.config.keyPattern ? { keyPattern: ctx.config.keyPattern } : {}),
      });
      await session.commit(plan.source, plan.sidecar);
      const diff = session.diff;
      if (flags.json) {
        // one JSON document on standard output; with --dry-run the diff is in it
        const json = {
          ...plan.report,
          written: !flags.dryRun,
          requests: fetched.requests,
          fromCache: fetched.fromCache,
        };
        io.stdout(`${JSON.stringify(diff === undefined ? json : { ...json, diff }, null, 2)}\n`);
      } else {
        if (diff !== undefined) io.stdout(diff);
        io.stderr(formatReport(plan.report, !flags.dryRun));
      }
    },
  );
}
