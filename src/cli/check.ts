/** `bibfolio check`: reports problems in the store. Light: the work is loaded on use. */
import { Command } from 'commander';
import type { CheckFlags } from './actions/check.js';
import type { Io } from './io.js';
import { addStoreOptions } from './options.js';

export function checkCommand(io: Io): Command {
  const cmd = new Command('check').description('report problems in the store, with file, line and entry');
  addStoreOptions(cmd);
  cmd
    .option('--owner <name>', 'the owner, to report entries that do not name them')
    .option('--json', 'print the problems as JSON');
  return cmd.action(async (flags: CheckFlags) => {
    const { run } = await import('./actions/check.js');
    await run(flags, io);
  });
}
