/** `bibfolio export-hugo`: Hugo Blox page bundles. Light: the work is loaded on use. */
import { Command } from 'commander';
import type { HugoFlags } from './actions/export-hugo.js';
import type { Io } from './io.js';
import { addStoreOptions } from './options.js';

export function exportHugoCommand(io: Io): Command {
  const cmd = new Command('export-hugo').description(
    'one Hugo Blox page bundle per publication (OUT/KEY/index.md and cite.bib); only changed bundles are rewritten',
  );
  addStoreOptions(cmd);
  cmd
    .requiredOption('-o, --out <dir>', 'the folder of the bundles, e.g. content/publication')
    .option('--selected', 'only the selected papers')
    .option('--owner <name>', 'the owner (written as the config\'s hugo.owner, "admin" by default)');
  return cmd.action(async (flags: HugoFlags) => {
    const { run } = await import('./actions/export-hugo.js');
    await run(flags, io);
  });
}
