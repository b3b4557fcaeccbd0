/** `bibfolio format`: prints the publication list, or writes it with --out. Light: the work is loaded on use. */
import { Command, Option } from 'commander';
import type { FormatFlags } from './actions/format.js';
import type { Io } from './io.js';
import { addListOptions, addStoreOptions, FORMAT_OPTION } from './options.js';

export function formatCommand(io: Io): Command {
  const cmd = new Command('format').description('print the publication list in one format and style');
  addStoreOptions(cmd);
  cmd.addOption(FORMAT_OPTION()).option('-o, --out <file>', 'write to this file instead of standard output');
  addListOptions(cmd);
  cmd.addOption(new Option('--standalone', 'a whole document (HTML page, LaTeX document) instead of a fragment'));
  return cmd.action(async (flags: FormatFlags) => {
    const { run } = await import('./actions/format.js');
    await run(flags, io);
  });
}
