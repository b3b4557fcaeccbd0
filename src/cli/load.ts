/** What the commands share: the project opened from their flags, and problems printed (and a store with errors refused). */
import type { SessionChoices } from '../engine/project-lists.js';
import { join } from 'node:path';
import { BUILD_SCHEMA_ID } from '../engine/config-cache.js';
import { openProject, type Project } from '../engine/project.js';
import { userCacheDir } from '../paths.js';
import { formatProblem, refuseErrors, type Problem } from '../model/problems.js';
import type { Io } from './io.js';

/** The project of the working folder, or of --config, --bib and --owner. */
export function projectFor(
  flags: { readonly config?: string; readonly bib?: string; readonly owner?: string; readonly cache?: boolean },
  io: Io,
): Project {
  return openProject({
    cwd: io.cwd,
    env: io.env,
    // validated configs are remembered unless --no-cache; only the command line's bundle knows its schema's identity
    ...(flags.cache !== false && BUILD_SCHEMA_ID !== undefined
      ? { configCache: { path: join(userCacheDir(io.env), 'config.json'), schemaId: BUILD_SCHEMA_ID } }
      : {}),
    ...(flags.config !== undefined ? { config: flags.config } : {}),
    ...(flags.bib !== undefined ? { bib: flags.bib } : {}),
    ...(flags.owner !== undefined ? { owner: flags.owner } : {}),
  });
}

export function printProblems(problems: readonly Problem[], io: Io): void {
  for (const p of problems) io.stderr(`${formatProblem(p)}\n`);
}

/** Prints the store's problems; refuses a store with errors (StoreErrorsError) unless the user asked to keep going. */
export function reportProblems(
  problems: readonly Problem[],
  file: string,
  io: Io,
  keepGoing: boolean,
  canKeepGoing = true,
): void {
  printProblems(problems, io);
  refuseErrors(problems, file, keepGoing, canKeepGoing);
}

/** --no-cache, --jobs and --keep-going as the library's session choices. */
export function sessionChoices(flags: {
  readonly cache?: boolean;
  readonly jobs?: number;
  readonly keepGoing?: boolean;
}): SessionChoices {
  return {
    ...(flags.cache !== undefined ? { cache: flags.cache } : {}),
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    ...(flags.keepGoing !== undefined ? { keepGoing: flags.keepGoing } : {}),
  };
}
