/** `bibfolio sync-arxiv`: fills in and refreshes the store from arXiv. Light: the work is loaded on use. */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SyncFlags } from './actions/sync-arxiv.js';
import { CliUsageError, type Io } from './io.js';
import { addDeadlineOption, addServiceOptions, addStoreOptions, parseCount } from './options.js';

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
      throw new CliUsageError(
        '--json prints one report: run sync-arxiv --json and sync-venues --json one after the other',
      );
    const { run } = await import('./actions/sync-arxiv.js');
    await run(inputs, flags, io);
    if (flags.venues) {
      const venues = await import('./actions/sync-venues.js');
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
