/** Printing the store's problems, and failing on errors; shared by the commands. */
import { formatProblem, hasErrors, type Problem } from '../model/problems.js';
import type { Publications } from '../pipeline.js';
import { CliFailure, type Io } from './io.js';

export function printProblems(problems: readonly Problem[], io: Io): void {
  for (const p of problems) io.stderr(`${formatProblem(p)}\n`);
}

/** Prints the store's problems; fails when it has errors, unless the user asked to keep going. */
export function reportLoadProblems(
  pubs: Pick<Publications, 'problems' | 'store'>,
  io: Io,
  keepGoing: boolean,
  canKeepGoing = true,
): void {
  reportProblems(pubs.problems, pubs.store.file, io, keepGoing, canKeepGoing);
}

/** `canKeepGoing`: whether the command has --keep-going (export-bib has not: it writes a whole store or nothing). */
export function reportProblems(
  problems: readonly Problem[],
  file: string,
  io: Io,
  keepGoing: boolean,
  canKeepGoing = true,
): void {
  printProblems(problems, io);
  if (hasErrors(problems) && !keepGoing) {
    const count = problems.filter((p) => p.severity === 'error').length;
    throw new CliFailure(
      `${file} has ${count} error${count === 1 ? '' : 's'} (listed above); nothing was written. ` +
        (canKeepGoing
          ? 'Fix them, or pass --keep-going to render the entries that could be read'
          : 'Fix them, then export again'),
    );
  }
}
