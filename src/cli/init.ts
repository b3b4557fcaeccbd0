/** `bibfolio init`: a new project here. Light: the work is loaded on use. */
import { Command } from 'commander';
import type { InitFlags } from './actions/init.js';
import type { Io } from './io.js';

export function initCommand(io: Io): Command {
  return new Command('init')
    .description(
      "start a project here: bibfolio.config.json and an empty bib/publications.bib, or a site's own store with --from (never overwritten)",
    )
    .option('--owner <name>', 'your name, as your papers write it, e.g. "Joe Benton" (asked on a terminal otherwise)')
    .option('--store <path>', 'where the BibTeX store goes (default bib/publications.bib)')
    .option('--ci <service>', 'also write a scheduled sync workflow that opens a pull request (github)')
    .option(
      '--from <site>',
      'adopt an existing site (al-folio, academicpages, Hugo Blox): use its .bib in place, its owner names and links',
    )
    .action(async (flags: InitFlags) => {
      const { run } = await import('./actions/init.js');
      await run(flags, io);
    });
}
