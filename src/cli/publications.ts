/** `bibfolio publications`: writes every output named in the config. Light: the work is loaded on use. */
import { Command } from 'commander';
import type { PublicationsFlags } from './actions/publications.js';
import type { Io } from './io.js';
import { addListOptions, addStoreOptions } from './options.js';

export function publicationsCommand(io: Io): Command {
  const cmd = new Command('publications').description('write every output listed in the config ("outputs")');
  addStoreOptions(cmd);
  addListOptions(cmd);
  return cmd.action(async (flags: PublicationsFlags) => {
    const { run } = await import('./actions/publications.js');
    await run(flags, io);
  });
}
