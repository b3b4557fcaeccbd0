/** `bibfolio check`: reports problems in the store. */
import { Command } from 'commander';
import { CliFailure, type Io } from '../io.js';
import { addNoCacheOption, addStoreOptions } from '../options.js';
import { checkStore } from '../../check/check-store.js';
import { hasErrors } from '../../model/problems.js';
import { projectFor } from '../load.js';
import { projectPublications } from '../../engine/project-lists.js';
import { printProblems } from '../load.js';

export function checkCommand(io: Io): Command {
  const cmd = new Command('check').description('report problems in the store, with file, line and entry');
  addStoreOptions(cmd);
  cmd
    .option('--owner <name>', 'the owner, to report entries that do not name them')
    .option('--json', 'print the problems as JSON');
  addNoCacheOption(cmd);
  return cmd.action(async (flags: CheckFlags) => {
    await run(flags, io);
  });
}

export interface CheckFlags {
  bib?: string;
  config?: string;
  owner?: string;
  json?: boolean;
  /** false with --no-cache */
  cache?: boolean;
}

export async function run(flags: CheckFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  // through the item cache of the list commands: a repeated check or export of a long store is quick
  const pubs = await projectPublications(ctx, io.env, flags.cache === false ? { cache: false } : {});
  const problems = [
    ...pubs.problems,
    ...checkStore({
      file: pubs.store.file,
      entries: pubs.store.entries,
      items: pubs.items,
      ...(ctx.owner ? { owner: ctx.owner } : {}),
    }),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (flags.json) io.stdout(`${JSON.stringify(problems, null, 2)}\n`);
  else {
    printProblems(problems, io);
    io.stderr(
      `${pubs.store.file}: ${pubs.store.entries.length} entries, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
  if (hasErrors(problems))
    throw new CliFailure(`${pubs.store.file} has ${errors} error${errors === 1 ? '' : 's'}`, { cause: 'silent' });
}
