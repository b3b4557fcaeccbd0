/** The work of `bibfolio sync-venues`: where each preprint was published, from identifier-based sources. */
import { deadlineSignal, type ServiceFlags } from '../options.js';
import { join } from 'node:path';
import { FileCache } from '../../arxiv/cache.js';
import { userCacheDir } from '../../paths.js';
import { CrossrefClient } from '../../venues/crossref.js';
import { DblpClient } from '../../venues/dblp.js';
import { lookUpVenues } from '../../venues/lookup.js';
import { planVenues } from '../../venues/plan.js';
import { formatVenueReport } from '../../venues/report.js';
import { SemanticScholarClient } from '../../venues/semantic-scholar.js';
import { SourceError, SourceUsageError, type SourceClientOptions } from '../../venues/source-client.js';
import { serviceSettings } from '../../model/services.js';
import { loadContext } from '../context.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';
import { withStoreSession, type StepSession } from './store-session.js';

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
  const ctx = loadContext(flags, io);
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
  let clients;
  try {
    const apiKey = io.env.S2_API_KEY?.trim();
    clients = {
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
  } catch (err) {
    if (err instanceof SourceUsageError) throw new CliUsageError(err.message);
    throw err;
  }
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
          throw new CliUsageError(`--accept names "${key}", which is not a key of ${ctx.storeDisplay}`);
      }
      let looked;
      try {
        looked = await lookUpVenues(session.store, clients, {
          onStep: io.interactive ? (step) => io.stderr(`\r\x1b[K${step}`) : undefined,
        });
      } catch (err) {
        if (err instanceof SourceError) throw new CliFailure(`${err.message}; nothing was written`);
        throw err;
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
