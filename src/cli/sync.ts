/**
 * `bibfolio sync`: what the config asks for, as one store transaction with one report (cli/actions/sync-all.ts).
 * Light: the work is loaded on use.
 */
import { Command } from 'commander';
import type { SyncAllFlags } from './actions/sync-all.js';
import type { Io } from './io.js';
import { addDeadlineOption, addServiceOptions, addStoreOptions } from './options.js';

export function syncCommand(io: Io): Command {
  const cmd = new Command('sync').description(
    "run what the config asks for, as one transaction: new papers from the owner's profiles (owner.orcid, owner.dblp, owner.openalex), arXiv, then the venues (hand edits kept); the store is written once, or not at all when a step fails (exit 1)",
  );
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  cmd
    .option('--dry-run', 'print the diff of every step together; write nothing')
    .option('--refresh', 'ignore the one-day response caches')
    .option('--json', "print one JSON document: each step's report, what failed, the diff of a dry run");
  addServiceOptions(cmd);
  return cmd.action(async (flags: SyncAllFlags) => {
    const { run } = await import('./actions/sync-all.js');
    await run(flags, io);
  });
}
