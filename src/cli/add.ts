/** `bibfolio add ID...`: new papers by DOI or arXiv ID. Light: the work is loaded on use. */
import { Command } from 'commander';
import type { AddFlags } from './actions/add.js';
import type { Io } from './io.js';
import { addDeadlineOption, addServiceOptions, addStoreOptions, addWorkOptions } from './options.js';

export function addCommand(io: Io): Command {
  const cmd = new Command('add')
    .description(
      "add papers by DOI (bare, doi:, https://doi.org/...) or arXiv ID: each resolved at the DOI resolver as CSL-JSON (Crossref's or DataCite's API when it cannot answer), written as a clean entry in the store's key pattern, once (a paper the store has is named with its key; its title under another first author is a question --accept answers); nothing is written when a source fails (exit 1)",
    )
    .argument('<ids...>', 'DOIs or arXiv IDs, e.g. 10.1093/jrsssb/qkae005 2506.15740');
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  addWorkOptions(cmd);
  cmd.option('--json', 'print the report as JSON');
  addServiceOptions(cmd);
  return cmd.action(async (ids: string[], flags: AddFlags) => {
    const { run } = await import('./actions/add.js');
    await run(ids, flags, io);
  });
}
