/** `bibfolio sync-venues`: where preprints were published, by identifier. Light: the work is loaded on use. */
import { Command } from 'commander';
import type { VenueFlags } from './actions/sync-venues.js';
import type { Io } from './io.js';
import { addDeadlineOption, addServiceOptions, addStoreOptions } from './options.js';

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
    const { run } = await import('./actions/sync-venues.js');
    await run(flags, io);
  });
}
