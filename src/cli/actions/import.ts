/**
 * The work of `bibfolio import`: an ORCID record's works, each fetched by its DOI (or its arXiv ID's DataCite DOI)
 * at the DOI resolver; or a file's entries (.bib through bibfolio's own reader, CSL-JSON as it is). The new papers are
 * appended in one transaction, once each (sources/add-plan.ts); works without an identifier are reported, not
 * guessed. A source that fails for good writes nothing (exit 1).
 */
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { FileCache } from '../../arxiv/cache.js';
import { userCacheDir } from '../../paths.js';
import { publicationsOf } from '../../pipeline.js';
import { planAdd } from '../../sources/add-plan.js';
import { DoiClient, type CslWork } from '../../sources/doi.js';
import { OrcidClient, parseOrcid, type OrcidWork } from '../../sources/orcid.js';
import { parseStore } from '../../store/parse.js';
import { SourceError, SourceUsageError, type SourceClientOptions } from '../../venues/source-client.js';
import { loadContext, type Context } from '../context.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';
import { deadlineSignal } from '../options.js';
import { withStoreSession } from './store-session.js';

export interface ImportFlags {
  bib?: string;
  config?: string;
  dryRun?: boolean;
  selected?: boolean;
  refresh?: boolean;
  json?: boolean;
  delayMs?: number;
  deadline?: number;
  orcidUrl?: string;
  doiUrl?: string;
  crossrefUrl?: string;
}

interface Gathered {
  readonly works: { id: string; work: CslWork }[];
  /** Works with no identifier to fetch them by, or that no agency knows. */
  readonly unresolved: string[];
  readonly requests: Record<string, number>;
}

function shared(ctx: Context, flags: ImportFlags, io: Io, cacheName: string): SourceClientOptions {
  const venues = ctx.config.venues;
  return {
    delayMs: flags.delayMs ?? venues.delayMs,
    cache: new FileCache(join(userCacheDir(io.env), cacheName)),
    refresh: flags.refresh ?? false,
    signal: deadlineSignal(flags.deadline, venues.deadlineSeconds),
    onRetry: ({ attempt, waitMs, reason, url }) =>
      io.stderr(
        `${new URL(url).host}: ${reason}; trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${attempt + 1})\n`,
      ),
  };
}

async function fromOrcid(orcid: string, ctx: Context, flags: ImportFlags, io: Io): Promise<Gathered> {
  let orcidClient: OrcidClient;
  let doiClient: DoiClient;
  try {
    orcidClient = new OrcidClient({
      ...shared(ctx, flags, io, 'orcid'),
      ...(flags.orcidUrl ? { baseUrl: flags.orcidUrl } : {}),
    });
    doiClient = new DoiClient({
      ...shared(ctx, flags, io, 'dois'),
      ...(flags.doiUrl ? { baseUrl: flags.doiUrl } : {}),
      crossrefUrl: flags.crossrefUrl ?? ctx.config.venues.crossrefUrl,
      ...(ctx.config.venues.mailto ? { mailto: ctx.config.venues.mailto } : {}),
    });
  } catch (err) {
    if (err instanceof SourceUsageError) throw new CliUsageError(err.message);
    throw err;
  }
  const listed: OrcidWork[] = await orcidClient.works(orcid);
  const works: { id: string; work: CslWork }[] = [];
  const unresolved: string[] = [];
  for (const w of listed) {
    const doi = w.doi ?? (w.arxiv ? `10.48550/arXiv.${w.arxiv}` : undefined);
    if (!doi) {
      unresolved.push(`"${w.title ?? 'a work without a title'}" (no DOI or arXiv ID in ORCID)`);
      continue;
    }
    const work = await doiClient.work(doi);
    if (work) works.push({ id: doi, work: { ...work, DOI: work.DOI ?? doi } });
    else unresolved.push(`${doi} (no DOI agency knows it)`);
  }
  return { works, unresolved, requests: { ORCID: orcidClient.requests, 'DOI resolver': doiClient.requests } };
}

function fromFile(path: string, display: string): Gathered {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliFailure(`cannot read ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      throw new CliFailure(`${display} is not JSON (CSL-JSON is a list of items)`);
    }
    if (!Array.isArray(items)) throw new CliFailure(`${display} is not a CSL-JSON list of items`);
    return {
      works: items
        .filter((i): i is CslWork => typeof i === 'object' && i !== null)
        .map((work, n) => ({ id: `${display} #${n + 1}`, work })),
      unresolved: [],
      requests: {},
    };
  }
  if (ext === '.bib' || ext === '.bibtex') {
    const pubs = publicationsOf(parseStore(text, display));
    return {
      works: pubs.items.map((item) => ({ id: `${display}: ${item.custom.key}`, work: item as unknown as CslWork })),
      unresolved: pubs.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${display}:${p.line ?? ''} ${p.message}`),
      requests: {},
    };
  }
  throw new CliUsageError(`${display}: import reads .bib and CSL-JSON (.json) files`);
}

export async function run(source: string, id: string | undefined, flags: ImportFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  let gathered: Gathered;
  if (source === 'orcid') {
    const orcid = id === undefined ? undefined : parseOrcid(id);
    if (!orcid)
      throw new CliUsageError(`give an ORCID iD: bibfolio import orcid 0000-0002-1825-0097 (got ${id ?? 'none'})`);
    try {
      gathered = await fromOrcid(orcid, ctx, flags, io);
    } catch (err) {
      if (err instanceof SourceError) throw new CliFailure(`${err.message}; nothing was written`);
      throw err;
    }
  } else if (source === 'dblp' || source === 'openalex') {
    throw new CliUsageError(`import ${source} is not built yet: import orcid ID, or a .bib or CSL-JSON file`);
  } else {
    gathered = fromFile(resolve(io.cwd, source), source);
  }
  await withStoreSession(
    ctx,
    io,
    { dryRun: flags.dryRun ?? false, mayCreate: true, what: 'import' },
    async (session) => {
      const plan = planAdd(session.store, gathered.works, { selected: flags.selected ?? false });
      await session.commit(plan.source, session.sidecar);
      const report = {
        ...plan.report,
        unresolved: gathered.unresolved,
        written: !session.dryRun && plan.report.added.length > 0,
        requests: gathered.requests,
      };
      if (flags.json) {
        io.stdout(`${JSON.stringify({ ...report, ...(session.diff ? { diff: session.diff } : {}) }, null, 2)}\n`);
        return;
      }
      if (session.diff !== undefined) io.stdout(session.diff);
      for (const a of plan.report.added) io.stderr(`${session.dryRun ? 'would add' : 'added'} ${a.key} (${a.id})\n`);
      for (const p of plan.report.present) io.stderr(`${p.id}: already in the store as ${p.key}\n`);
      for (const u of gathered.unresolved) io.stderr(`not imported: ${u}\n`);
      const counts = Object.entries(gathered.requests)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
      io.stderr(
        `${plan.report.added.length} new, ${plan.report.present.length} already there, ${gathered.unresolved.length} not imported${counts ? ` (requests: ${counts})` : ''}\n`,
      );
    },
  );
}
