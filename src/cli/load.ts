/** Reads and maps the store, printing its problems; shared by the commands that render it. */
import type { MappingOptions } from '../csl/mapping.js';
import { nameChangesOf } from '../model/config.js';
import { formatProblem, hasErrors, type Problem } from '../model/problems.js';
import { publicationsOf, type Publications } from '../publications.js';
import { readStore, StoreReadError } from '../store/read.js';
import type { Context } from './context.js';
import { CliFailure, type Io } from './io.js';

export function loadPublications(ctx: Context, mapping: Omit<MappingOptions, 'nameChanges'> = {}): Publications {
  try {
    return publicationsOf(readStore(ctx.storePath, ctx.storeDisplay), { ...mapping, nameChanges: nameChangesOf(ctx.config) });
  } catch (err) {
    if (err instanceof StoreReadError) throw new CliFailure(err.message);
    throw err;
  }
}

export function printProblems(problems: readonly Problem[], io: Io): void {
  for (const p of problems) io.stderr(`${formatProblem(p)}\n`);
}

/** Prints the store's problems; fails when it has errors, unless the user asked to keep going. */
export function reportLoadProblems(pubs: Publications, io: Io, keepGoing: boolean): void {
  printProblems(pubs.problems, io);
  if (hasErrors(pubs.problems) && !keepGoing) {
    const count = pubs.problems.filter((p) => p.severity === 'error').length;
    throw new CliFailure(
      `${pubs.store.file} has ${count} error${count === 1 ? '' : 's'} (listed above); nothing was written. Fix them, or pass --keep-going to render the entries that could be read`,
    );
  }
}
