/**
 * `bibfolio import`: an ORCID record's or an OpenAlex author's works, each fetched by its DOI (or its
 * arXiv ID's DataCite DOI) at the DOI resolver; a DBLP person's records (by DOI, else DBLP's own metadata); or a file's entries (.bib through bibfolio's own reader, CSL-JSON as it is). The new papers are
 * appended in one transaction, once each (sources/add-plan.ts); works without an identifier are reported, not
 * guessed. A source that fails for good writes nothing (exit 1).
 */
import { Command } from 'commander';
import { CliFailure, type Io } from '../io.js';
import { UsageError } from '../../model/errors.js';
import { addWorkOptions, deadlineSignal, type ServiceFlags } from '../options.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileCache } from '../../arxiv/cache.js';
import { userCacheDir } from '../../paths.js';
import { planAdd } from '../../sources/add-plan.js';
import { type CslWork, DoiClient } from '../../sources/doi.js';
import { OrcidClient, type OrcidWork, parseOrcid } from '../../sources/orcid.js';
import { authorFilter, OpenAlexClient } from '../../sources/openalex.js';
import { corrArxivId, dblpWork } from '../../sources/dblp-works.js';
import { DblpClient } from '../../venues/dblp.js';
import { fileFormatOf, worksFromFile } from '../../sources/file-works.js';
import { type SourceClientOptions } from '../../venues/source-client.js';
import { serviceSettings } from '../../model/services.js';
import type { Project } from '../../engine/project.js';
import { projectFor } from '../load.js';
import { type StepSession, withStoreSession } from '../store-session.js';

export function importCommand(io: Io): Command {
  const cmd = new Command('import')
    .description(
      "import papers: an ORCID record's works (public API v3.0), a DBLP person's records, an OpenAlex author's works (every page), each fetched by its DOI or arXiv ID; or a file (.bib, RIS .ris, CSL-JSON .json). Each paper once (a preprint and its published version become one entry); works without an identifier are named, not guessed",
    )
    .argument('<source>', '"orcid", "dblp", "openalex", or a file to import (.bib, .json)')
    .argument('[id]', 'the ORCID iD (0000-0002-1825-0097), DBLP person id (123/4567) or OpenAlex author (A5023888391)');
  addWorkOptions(cmd);
  return cmd.action(async (source: string, id: string | undefined, flags: ImportFlags) => {
    await run(source, id, flags, io);
  });
}

export interface ImportFlags extends ServiceFlags {
  /** A step of `bibfolio sync`'s one transaction. */
  within?: StepSession;
  bib?: string;
  config?: string;
  dryRun?: boolean;
  selected?: boolean;
  refresh?: boolean;
  json?: boolean;
  accept?: string[];
  deadline?: number;
}

export interface Gathered {
  readonly works: { id: string; work: CslWork }[];
  /** Works with no identifier to fetch them by, or that no agency knows. */
  readonly unresolved: string[];
  readonly requests: Record<string, number>;
}

function shared(ctx: Project, flags: ImportFlags, io: Io, cacheName: string): SourceClientOptions {
  const venues = ctx.config.venues;
  return {
    delayMs: flags.delayMs ?? serviceSettings(ctx.config).delayMs,
    cache: new FileCache(join(userCacheDir(io.env), cacheName)),
    refresh: flags.refresh ?? false,
    signal: deadlineSignal(flags.deadline, venues.deadlineSeconds),
    onRetry: ({ attempt, waitMs, reason, url }) =>
      io.stderr(
        `${new URL(url).host}: ${reason}; trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${attempt + 1})\n`,
      ),
  };
}

export function doiClientFor(ctx: Project, flags: ImportFlags, io: Io): DoiClient {
  const services = serviceSettings(ctx.config);
  return new DoiClient({
    ...shared(ctx, flags, io, 'dois'),
    ...((flags.doiUrl ?? services.doiUrl) ? { baseUrl: (flags.doiUrl ?? services.doiUrl) as string } : {}),
    crossrefUrl: flags.crossrefUrl ?? services.crossrefUrl,
    ...((flags.dataciteUrl ?? services.dataciteUrl)
      ? { dataciteUrl: (flags.dataciteUrl ?? services.dataciteUrl) as string }
      : {}),
    ...(services.mailto ? { mailto: services.mailto } : {}),
  });
}

/** Works listed by a profile (ORCID, OpenAlex), each fetched by its DOI or arXiv ID; the others named. */
export async function byIdentifiers(
  listed: readonly (OrcidWork & { readonly id?: string })[],
  doiClient: DoiClient,
  where: string,
): Promise<Pick<Gathered, 'works' | 'unresolved'>> {
  const works: { id: string; work: CslWork }[] = [];
  const unresolved: string[] = [];
  for (const w of listed) {
    const doi = w.doi ?? (w.arxiv ? `10.48550/arXiv.${w.arxiv}` : undefined);
    if (!doi) {
      unresolved.push(`"${w.title ?? 'a work without a title'}" (no DOI or arXiv ID in ${where})`);
      continue;
    }
    const work = await doiClient.work(doi);
    if (work) works.push({ id: w.id ?? doi, work: { ...work, DOI: work.DOI ?? doi } });
    else unresolved.push(`${w.id ?? doi} (no DOI agency knows it)`);
  }
  return { works, unresolved };
}

async function fromOrcid(orcid: string, ctx: Project, flags: ImportFlags, io: Io): Promise<Gathered> {
  const [orcidClient, doiClient] = [
    new OrcidClient({
      ...shared(ctx, flags, io, 'orcid'),
      ...((flags.orcidUrl ?? serviceSettings(ctx.config).orcidUrl)
        ? { baseUrl: (flags.orcidUrl ?? serviceSettings(ctx.config).orcidUrl) as string }
        : {}),
    }),
    doiClientFor(ctx, flags, io),
  ] as const;
  const found = await byIdentifiers(await orcidClient.works(orcid), doiClient, 'ORCID');
  return { ...found, requests: { ORCID: orcidClient.requests, 'DOI resolver': doiClient.requests } };
}

async function fromOpenAlex(filter: string, ctx: Project, flags: ImportFlags, io: Io): Promise<Gathered> {
  const { mailto, openalexUrl } = serviceSettings(ctx.config);
  const [openalex, doiClient] = [
    new OpenAlexClient({
      ...shared(ctx, flags, io, 'openalex'),
      ...((flags.openalexUrl ?? openalexUrl) ? { baseUrl: (flags.openalexUrl ?? openalexUrl) as string } : {}),
      ...(mailto ? { mailto } : {}),
    }),
    doiClientFor(ctx, flags, io),
  ] as const;
  const found = await byIdentifiers(await openalex.works(filter), doiClient, 'OpenAlex');
  return { ...found, requests: { OpenAlex: openalex.requests, 'DOI resolver': doiClient.requests } };
}

/** A DBLP person's records: those with a DOI fetched by it, the others from DBLP's own metadata (a DBLP key). */
async function fromDblp(pid: string, ctx: Project, flags: ImportFlags, io: Io): Promise<Gathered> {
  const [dblp, doiClient] = [
    new DblpClient({
      ...shared(ctx, flags, io, 'dblp'),
      baseUrl: flags.dblpUrl ?? serviceSettings(ctx.config).dblpUrl,
    }),
    doiClientFor(ctx, flags, io),
  ] as const;
  const works: { id: string; work: CslWork }[] = [];
  for (const record of await dblp.person(pid)) {
    const arxiv = corrArxivId(record);
    const doi = record.doi ?? (arxiv ? `10.48550/arXiv.${arxiv}` : undefined);
    const work = doi ? await doiClient.work(doi) : undefined;
    works.push({ id: `dblp:${record.key}`, work: work ? { ...work, DOI: work.DOI ?? doi } : dblpWork(record) });
  }
  return { works, unresolved: [], requests: { DBLP: dblp.requests, 'DOI resolver': doiClient.requests } };
}

function fromFile(path: string, display: string): Gathered {
  const format = fileFormatOf(path);
  if (!format) throw new UsageError(`${display}: import reads .bib, RIS (.ris) and CSL-JSON (.json) files`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliFailure(`cannot read ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { ...worksFromFile(text, format, display), requests: {} };
}

export async function run(source: string, id: string | undefined, flags: ImportFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  let gathered: Gathered;
  if (source === 'orcid') {
    const orcid = id === undefined ? undefined : parseOrcid(id);
    if (!orcid)
      throw new UsageError(`give an ORCID iD: bibfolio import orcid 0000-0002-1825-0097 (got ${id ?? 'none'})`);
    gathered = await fromOrcid(orcid, ctx, flags, io);
  } else if (source === 'openalex') {
    const filter = id === undefined ? undefined : authorFilter(id);
    if (!filter)
      throw new UsageError(
        `give an OpenAlex author or an ORCID iD: bibfolio import openalex A5023888391 (got ${id ?? 'none'})`,
      );
    gathered = await fromOpenAlex(filter, ctx, flags, io);
  } else if (source === 'dblp') {
    const pid = id
      ?.trim()
      .replace(/^https?:\/\/dblp\.org\/pid\//i, '')
      .replace(/\.(?:html|xml)$/, '');
    if (!pid || !/^[\w-]+\/[\w-]+$/.test(pid))
      throw new UsageError(`give a DBLP person id: bibfolio import dblp 123/4567 (got ${id ?? 'none'})`);
    gathered = await fromDblp(pid, ctx, flags, io);
  } else {
    gathered = fromFile(resolve(io.cwd, source), source);
  }
  await commitWorks(ctx, io, flags, gathered, 'import');
}

/**
 * The works gathered, appended to the store in one transaction, once each (sources/add-plan.ts), with one report:
 * what was added, what was there already, what is a question, what was not imported. `add` and `import` share it.
 */
export async function commitWorks(
  ctx: Project,
  io: Io,
  flags: Pick<ImportFlags, 'dryRun' | 'selected' | 'accept' | 'json' | 'within'>,
  gathered: Gathered,
  what: string,
): Promise<void> {
  await withStoreSession(
    ctx,
    io,
    { dryRun: flags.dryRun ?? false, mayCreate: true, what, ...(flags.within ? { within: flags.within } : {}) },
    async (session) => {
      const plan = planAdd(session.store, gathered.works, {
        selected: flags.selected ?? false,
        accept: new Set(flags.accept ?? []),
        ...(ctx.config.keyPattern ? { keyPattern: ctx.config.keyPattern } : {}),
      });
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
      for (const n of plan.report.near)
        io.stderr(
          `${n.id}: "${n.title}" has the title of ${n.key} under another first author; not added (add it with --accept ${n.id})\n`,
        );
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
