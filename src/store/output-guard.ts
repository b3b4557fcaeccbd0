/**
 * Where an output may be written. No output ever resolves to the store, its sidecar or the config, by real path
 * (symlinks and `..` resolved, for a file that exists or for the folder it would be created in); an output named in
 * the config stays inside the project unless the command line names it. Pure but for reading real paths.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OutputPathError } from './errors.js';

/** The real path of a file that may not exist yet: its nearest existing folder resolved, the rest appended. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

export interface OutputRules {
  /** Files no output may replace: the store, its sidecar, the config. */
  readonly protectedPaths: readonly string[];
  /** For an output from the config: the project folder it must stay in. */
  readonly within?: string;
  /** How the output is named in a message (`--out`, `outputs[2].path`). */
  readonly what: string;
}

/** The output's path, checked: throws OutputPathError (one line, nothing written). */
export function checkedOutputPath(path: string, rules: OutputRules): string {
  const real = realPathOf(path);
  for (const guarded of rules.protectedPaths) {
    if (realPathOf(guarded) === real)
      throw new OutputPathError(
        `${rules.what} ${path} is ${guarded} itself: an output never replaces the store, its sidecar or the config; nothing was written`,
      );
  }
  if (rules.within !== undefined) {
    const inside = relative(realPathOf(rules.within), real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
      throw new OutputPathError(
        `${rules.what} ${path} is outside the project folder ${rules.within}; name it on the command line (--out) to write there; nothing was written`,
      );
  }
  return path;
}

export { OutputPathError };
