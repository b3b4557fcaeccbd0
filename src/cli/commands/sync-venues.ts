/** `bibfolio sync-venues`: where preprints were published, by identifier. */
import { Command } from 'commander';
import type { Io } from '../io.js';
import { UsageError } from '../../model/errors.js';
import {
  addDeadlineOption,
  addServiceOptions,
  addStoreOptions,
  deadlineSignal,
  type ServiceFlags,
} from '../options.js';
import { join } from 'node:path';
import { FileCache } from '../../arxiv/cache.js';
import { userCacheDir } from '../../paths.js';
import { CrossrefClient } from '../../venues/crossref.js';
import { DblpClient } from '../../venues/dblp.js';
import { lookUpVenues } from '../../venues/lookup.js';
import { planVenues } from '../../venues/plan.js';
import { formatVenueReport } from '../../venues/report.js';
import { SemanticScholarClient } from '../../venues/semantic-scholar.js';
import { type SourceClientOptions } from '../../venues/source-client.js';
import { serviceSettings } from '../../model/services.js';
import { projectFor } from '../load.js';
import { type StepSession, withStoreSession } from '../store-session.js';

export function syncVenuesCommand(io: Io): Command {
  const cmd = new Command('sync-venues').description(
    'find where preprints were published (Semantic Scholar, DBLP, Crossref; by identifier, never by title)',
  );
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  cmd
    .option('--dry-run', 'print a unified diff of what would change; write nothing')
    .option('--promote', 'write published venues (type, venue, year, volume, pages, DOI); hand edits win')
    .option(
      '--accept <key>',
      'write the suggested venue of this entry (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--refresh', 'ignore the one-day response cache')
    .option('--json', 'print the report as JSON');
  addServiceOptions(cmd);
  return cmd.action(async (flags: VenueFlags) => {
    await run(flags, io);
  });
}

export interface VenueFlags extends ServiceFlags {
  /** A step of `bibfolio sync`'s one transaction. */
  within?: StepSession;
  bib?: string;
  config?: string;
  dryRun?: boolean;
  promote?: boolean;
  accept?: string[];
  refresh?: boolean;
  json?: boolean;
  deadline?: number;
}

export async function run(flags: VenueFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const venues = ctx.config.venues;
  const services = serviceSettings(ctx.config);
  const cache = new FileCache(join(userCacheDir(io.env), 'venues'));
  const signal = deadlineSignal(flags.deadline, venues.deadlineSeconds);
  const shared = (baseUrl: string): SourceClientOptions => ({
    baseUrl,
    delayMs: flags.delayMs ?? services.delayMs,
    cache,
    refresh: flags.refresh ?? false,
    signal,
    onRetry: ({ attempt, waitMs, reason, url }) =>
      io.stderr(
        `${new URL(url).host}: ${reason}; trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${attempt + 1})\n`,
      ),
  });
  const apiKey = io.env.S2_API_KEY?.trim();
  const clients = {
    semanticScholar: new SemanticScholarClient({
      ...shared(flags.semanticScholarUrl ?? services.semanticScholarUrl),
      ...(apiKey ? { apiKey } : {}),
    }),
    dblp: new DblpClient(shared(flags.dblpUrl ?? services.dblpUrl)),
    crossref: new CrossrefClient({
      ...shared(flags.crossrefUrl ?? services.crossrefUrl),
      ...(services.mailto ? { mailto: services.mailto } : {}),
    }),
  };
  const accept = new Set(flags.accept ?? []);
  await withStoreSession(
    ctx,
    io,
    {
      dryRun: flags.dryRun ?? false,
      mayCreate: false,
      what: 'venue sync',
      ...(flags.within ? { within: flags.within } : {}),
    },
    async (session) => {
      for (const key of accept) {
        if (!session.store.entries.some((e) => e.key === key))
          throw new UsageError(`--accept names "${key}", which is not a key of ${ctx.storeDisplay}`);
      }
      let looked;
      try {
        looked = await lookUpVenues(session.store, clients, {
          onStep: io.interactive ? (step) => io.stderr(`\r\x1b[K${step}`) : undefined,
        });
      } finally {
        if (io.interactive) io.stderr('\r\x1b[K');
      }
      const plan = planVenues({
        store: session.store,
        sidecar: session.sidecar,
        decisions: looked,
        promote: flags.promote ?? false,
        accept,
        today: new Date().toISOString().slice(0, 10),
      });
      await session.commit(plan.source, plan.sidecar);
      const requests = {
        'Semantic Scholar': clients.semanticScholar.requests,
        DBLP: clients.dblp.requests,
        Crossref: clients.crossref.requests,
      };
      if (flags.json) {
        const json = {
          ...plan.report,
          written: !session.dryRun,
          requests,
          ...(session.diff ? { diff: session.diff } : {}),
        };
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        if (session.diff !== undefined) io.stdout(session.diff);
        io.stderr(
          formatVenueReport(plan.report, { written: !session.dryRun, promote: flags.promote ?? false }, requests),
        );
      }
    },
  );
}
