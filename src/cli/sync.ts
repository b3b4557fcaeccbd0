/**
 * `bibfolio sync`: what the config asks for, in order: the owner's ORCID record for new papers (`owner.orcid`), arXiv
 * for every entry with an arXiv ID, then the venues of preprints (`--promote`: written). Each step is one store
 * transaction of its own and prints its own report; a step that fails for good stops the run (exit 1) and leaves
 * the store as the steps before it wrote it. Light: the work is loaded on use.
 */
import { Command, Option } from 'commander';
import type { Io } from './io.js';
import { addDeadlineOption, addStoreOptions, parseCount } from './options.js';

interface SyncAllFlags {
  bib?: string;
  config?: string;
  dryRun?: boolean;
  refresh?: boolean;
  deadline?: number;
  delayMs?: number;
  apiUrl?: string;
  orcidUrl?: string;
  doiUrl?: string;
  crossrefUrl?: string;
  dblpUrl?: string;
  semanticScholarUrl?: string;
}

export function syncCommand(io: Io): Command {
  const cmd = new Command('sync').description(
    "run what the config asks for: new papers from the owner's ORCID record (owner.orcid), arXiv, then the venues",
  );
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  cmd
    .option('--dry-run', 'print what each step would change; write nothing')
    .option('--refresh', 'ignore the one-day response caches')
    .option('--api-url <url>', 'the arXiv API endpoint')
    .option('--orcid-url <url>', 'ORCID public API base')
    .option('--doi-url <url>', 'the DOI resolver')
    .option('--crossref-url <url>', 'Crossref API base')
    .option('--dblp-url <url>', 'DBLP base')
    .option('--semantic-scholar-url <url>', 'Semantic Scholar Graph API base')
    .addOption(
      new Option(
        '--delay-ms <n>',
        'milliseconds between requests to each service (at least 3000 for the real hosts)',
      ).argParser(parseCount),
    );
  return cmd.action(async (flags: SyncAllFlags) => {
    const { loadContext } = await import('./context.js');
    const ctx = loadContext(flags, io);
    const common = {
      ...(flags.bib !== undefined ? { bib: flags.bib } : {}),
      ...(flags.config !== undefined ? { config: flags.config } : {}),
      ...(flags.dryRun ? { dryRun: true } : {}),
      ...(flags.refresh ? { refresh: true } : {}),
      ...(flags.deadline !== undefined ? { deadline: flags.deadline } : {}),
      ...(flags.delayMs !== undefined ? { delayMs: flags.delayMs } : {}),
    };
    const orcid = ctx.config.owner?.orcid;
    if (orcid) {
      io.stderr(`== new papers from ORCID ${orcid}\n`);
      const { run } = await import('./actions/import.js');
      await run(
        'orcid',
        orcid,
        {
          ...common,
          ...(flags.orcidUrl ? { orcidUrl: flags.orcidUrl } : {}),
          ...(flags.doiUrl ? { doiUrl: flags.doiUrl } : {}),
          ...(flags.crossrefUrl ? { crossrefUrl: flags.crossrefUrl } : {}),
        },
        io,
      );
    }
    io.stderr('== arXiv\n');
    const arxiv = await import('./actions/sync-arxiv.js');
    await arxiv.run([], { ...common, ...(flags.apiUrl ? { apiUrl: flags.apiUrl } : {}) }, io);
    io.stderr('== venues\n');
    const venues = await import('./actions/sync-venues.js');
    await venues.run(
      {
        ...common,
        promote: true,
        ...(flags.crossrefUrl ? { crossrefUrl: flags.crossrefUrl } : {}),
        ...(flags.dblpUrl ? { dblpUrl: flags.dblpUrl } : {}),
        ...(flags.semanticScholarUrl ? { semanticScholarUrl: flags.semanticScholarUrl } : {}),
      },
      io,
    );
  });
}
