/** `bibfolio styles`: fetch styles from the official CSL repository into the user's cache, and list those at hand. */
import { Command } from 'commander';
import type { StylesAddFlags, StylesListFlags } from './actions/styles.js';
import type { Io } from './io.js';
import { addDeadlineOption } from './options.js';

export function stylesCommand(io: Io): Command {
  const cmd = new Command('styles').description(
    'the CSL styles at hand, and fetching more from the official repository',
  );
  cmd
    .command('add')
    .description('fetch styles (and the parents of dependent styles) into the style cache, for --style NAME')
    .argument('<names...>', 'style IDs of the official CSL repository, e.g. nature ieee chicago-author-date')
    .option('--config <file>', 'config file (default: ./bibfolio.config.json when present)')
    .option('--catalogue <url>', 'base URL of the repository (default: config "styleCatalogue", else GitHub raw)');
  addDeadlineOption(cmd.commands[cmd.commands.length - 1] as Command).action(
    async (names: string[], flags: StylesAddFlags) => {
      const { add } = await import('./actions/styles.js');
      await add(names, flags, io);
    },
  );
  cmd
    .command('list')
    .description('the styles --style NAME finds without the network: project, configured, bundled and cached')
    .option('--config <file>', 'config file (default: ./bibfolio.config.json when present)')
    .option('--json', 'print the list as JSON')
    .action(async (flags: StylesListFlags) => {
      const { list } = await import('./actions/styles.js');
      list(flags, io);
    });
  return cmd;
}
