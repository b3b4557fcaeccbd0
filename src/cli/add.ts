/** `bibfolio add ID...`: new papers by DOI or arXiv ID. Light: the work is loaded on use. */
import { Command, Option } from 'commander';
import type { AddFlags } from './actions/add.js';
import type { Io } from './io.js';
import { addDeadlineOption, addStoreOptions, addWorkOptions, parseCount } from './options.js';

export function addCommand(io: Io): Command {
  const cmd = new Command('add')
    .description('add papers by DOI (bare, doi:, https://doi.org/...) or arXiv ID, each as a clean BibTeX entry, once')
    .argument('<ids...>', 'DOIs or arXiv IDs, e.g. 10.1093/jrsssb/qkae005 2506.15740');
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  addWorkOptions(cmd);
  cmd
    .option('--doi-url <url>', 'the DOI resolver (default https://doi.org), asked for CSL-JSON')
    .option(
      '--crossref-url <url>',
      'Crossref API base, when the resolver cannot answer CSL-JSON (default https://api.crossref.org)',
    )
    .addOption(
      new Option('--delay-ms <n>', 'milliseconds between requests (at least 3000 for the real hosts)').argParser(
        parseCount,
      ),
    )
    .option('--json', 'print the report as JSON');
  return cmd.action(async (ids: string[], flags: AddFlags) => {
    const { run } = await import('./actions/add.js');
    await run(ids, flags, io);
  });
}
