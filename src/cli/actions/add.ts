/**
 * The work of `bibfolio add`: each DOI resolved at the DOI resolver as CSL-JSON (an arXiv ID through its DataCite
 * DOI, `10.48550/arXiv.ID`), the new ones appended to the store in one transaction; those the store already holds are
 * named with their key. A source that fails for good writes nothing (exit 1).
 */
import { join } from 'node:path';
import { FileCache } from '../../arxiv/cache.js';
import { parseArxivId } from '../../model/arxiv-id.js';
import { userCacheDir } from '../../paths.js';
import { planAdd } from '../../sources/add-plan.js';
import { cleanDoi } from '../../model/identifiers.js';
import { DoiClient, type CslWork } from '../../sources/doi.js';
import { SourceError, SourceUsageError } from '../../venues/source-client.js';
import { serviceSettings } from '../../model/services.js';
import { loadContext } from '../context.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';
import { deadlineSignal } from '../options.js';
import { withStoreSession } from './store-session.js';

export interface AddFlags {
  bib?: string;
  config?: string;
  dryRun?: boolean;
  selected?: boolean;
  refresh?: boolean;
  json?: boolean;
  accept?: string[];
  delayMs?: number;
  deadline?: number;
  doiUrl?: string;
  crossrefUrl?: string;
}

/** The DOI each argument names: a DOI itself, or an arXiv ID's DataCite DOI. */
function doiOf(id: string): string {
  const doi = cleanDoi(id);
  if (doi) return doi;
  const arxiv = parseArxivId(id);
  if (arxiv) return `10.48550/arXiv.${arxiv.id}`;
  throw new CliUsageError(`"${id}" is neither a DOI (10.NNNN/...) nor an arXiv ID (2506.15740)`);
}

export async function run(ids: readonly string[], flags: AddFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  const venues = ctx.config.venues;
  const services = serviceSettings(ctx.config);
  const dois = ids.map((id) => ({ id, doi: doiOf(id) }));
  let client: DoiClient;
  try {
    client = new DoiClient({
      ...((flags.doiUrl ?? services.doiUrl) ? { baseUrl: (flags.doiUrl ?? services.doiUrl) as string } : {}),
      crossrefUrl: flags.crossrefUrl ?? services.crossrefUrl,
      delayMs: flags.delayMs ?? services.delayMs,
      cache: new FileCache(join(userCacheDir(io.env), 'dois')),
      refresh: flags.refresh ?? false,
      signal: deadlineSignal(flags.deadline, venues.deadlineSeconds),
      ...(services.mailto ? { mailto: services.mailto } : {}),
      onRetry: ({ attempt, waitMs, reason, url }) =>
        io.stderr(
          `${new URL(url).host}: ${reason}; trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${attempt + 1})\n`,
        ),
    });
  } catch (err) {
    if (err instanceof SourceUsageError) throw new CliUsageError(err.message);
    throw err;
  }
  const works: { id: string; work: CslWork }[] = [];
  const unknown: string[] = [];
  for (const { id, doi } of dois) {
    try {
      const work = await client.work(doi);
      if (work) works.push({ id, work: { ...work, DOI: work.DOI ?? doi } });
      else unknown.push(id);
    } catch (err) {
      if (err instanceof SourceError) throw new CliFailure(`${err.message}; nothing was written`);
      throw err;
    }
  }
  await withStoreSession(ctx, io, { dryRun: flags.dryRun ?? false, mayCreate: true, what: 'add' }, async (session) => {
    const plan = planAdd(session.store, works, {
      selected: flags.selected ?? false,
      accept: new Set(flags.accept ?? []),
    });
    await session.commit(plan.source, session.sidecar);
    const report = {
      ...plan.report,
      unknown,
      written: !session.dryRun && plan.report.added.length > 0,
      requests: client.requests,
    };
    if (flags.json) {
      io.stdout(`${JSON.stringify({ ...report, ...(session.diff ? { diff: session.diff } : {}) }, null, 2)}\n`);
      return;
    }
    if (session.diff !== undefined) io.stdout(session.diff);
    for (const a of plan.report.added) io.stderr(`${session.dryRun ? 'would add' : 'added'} ${a.key} (${a.id})\n`);
    for (const n of plan.report.near)
      io.stderr(
        `${n.id}: "${n.title}" has the title of ${n.key} under another first author; not added (add it with --accept ${n.id})\n`,
      );
    for (const p of plan.report.present) io.stderr(`${p.id} is already in the store as ${p.key}\n`);
    for (const u of unknown) io.stderr(`${u}: no DOI agency knows it; nothing added for it\n`);
  });
  if (unknown.length > 0 && works.length === 0) throw new CliFailure('no paper was found; nothing was written');
}
