/** `bibfolio sync-arxiv`: fills in and refreshes the store from arXiv. */
import cliProgress from 'cli-progress';

import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from '../io.js';
import { UsageError } from '../../model/errors.js';
import {
  addDeadlineOption,
  addServiceOptions,
  addStoreOptions,
  deadlineSignal,
  parseCount,
  type ServiceFlags,
} from '../options.js';
import { ArxivClient, type Progress } from '../../arxiv/client.js';
import { defaultCacheDir, FileCache } from '../../arxiv/cache.js';
import { nameChangesOf } from '../../model/config.js';
import { parseArxivId } from '../../model/arxiv-id.js';
import { idsToSync, planSync } from '../../sync/plan.js';
import { formatReport } from '../../sync/report.js';
import { type StepSession, withStoreSession } from '../store-session.js';
import { serviceSettings } from '../../model/services.js';
import { projectFor } from '../load.js';

function parseBatch(value: string): number {
  const n = parseCount(value);
  if (n < 1 || n > 100) throw new InvalidArgumentError('expected a number from 1 to 100');
  return n;
}

export function syncArxivCommand(io: Io): Command {
  const cmd = new Command('sync-arxiv')
    .description('fill in and refresh entries from arXiv; fields you edited by hand are kept')
    .argument('[ids...]', 'arXiv IDs or URLs to add or refresh (default: every entry with an arXiv ID)');
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  cmd
    .option('--dry-run', 'print a unified diff of what would change; write nothing')
    .option('--promote', 'turn published preprints into journal or conference entries, from the journal reference')
    .option('--refresh', 'ignore the one-day response cache')
    .addOption(new Option('--batch-size <n>', 'IDs per request, at most 100').argParser(parseBatch))
    .option('--json', 'print the report as JSON')
    .option(
      '--venues',
      'then run sync-venues (Semantic Scholar, DBLP, Crossref) with the same --promote and --dry-run',
    );
  addServiceOptions(cmd);
  return cmd.action(async (inputs: string[], flags: SyncFlags & { venues?: boolean }) => {
    if (flags.venues && flags.json)
      throw new UsageError(
        '--json prints one report: run sync-arxiv --json and sync-venues --json one after the other',
      );
    await run(inputs, flags, io);
    if (flags.venues) {
      const venues = await import('./sync-venues.js');
      await venues.run(
        {
          ...(flags.bib !== undefined ? { bib: flags.bib } : {}),
          ...(flags.config !== undefined ? { config: flags.config } : {}),
          ...(flags.dryRun ? { dryRun: true } : {}),
          ...(flags.promote ? { promote: true } : {}),
          ...(flags.refresh ? { refresh: true } : {}),
          ...(flags.deadline !== undefined ? { deadline: flags.deadline } : {}),
        },
        io,
      );
    }
  });
}

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
      throw new UsageError(
        `"${input}" is not a well-formed arXiv identifier (e.g. 2506.15740, hep-th/9901001, https://arxiv.org/abs/2506.15740); nothing was sent`,
      );
    requested.push(id.id);
  }
  const ctx = projectFor(flags, io);
  const sync = ctx.config.sync;
  const progress = progressDisplay(io);
  const client = new ArxivClient({
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
