/**
 * A project's lists, one road from its config to the rendered text: the store read through one RenderSession (its
 * caches and workers), its problems handed to the caller's sink and a store with errors refused, the list options
 * merged from the flags, the output spec and the config. The command line parses flags, calls these and prints.
 */
import { resolve } from 'node:path';
import type { OutputSpec } from '../model/config.js';
import { refuseErrors, type Problem } from '../model/problems.js';
import type { Publications } from '../pipeline.js';
import type { OutputFormat, RenderedList } from '../render/list.js';
import type { ParsedStore } from '../store/parse.js';
import { listOptions, type ListFlags } from './list-options.js';
import { outputPath, type Project } from './project.js';
import { RenderSession } from './render-session.js';

/** Where problems go as they are found (the command line prints them). */
export type ProblemSink = (problems: readonly Problem[]) => void;

export interface SessionChoices {
  /** false: render everything afresh (`--no-cache`). */
  readonly cache?: boolean;
  /** Worker threads for long lists. */
  readonly jobs?: number;
  /** Render the entries that could be read of a store with errors (`--keep-going`). */
  readonly keepGoing?: boolean;
  /** The session renders lists: it reads the store in outline (see RenderSessionOptions.outline). */
  readonly outline?: boolean;
}

/** What a list is rendered from: the command line's working folder and environment, and its list flags. */
export interface ListRequest extends SessionChoices {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: ListFlags;
}

function sessionFor(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
  choices: SessionChoices,
): RenderSession {
  return new RenderSession({
    storePath: project.storePath,
    storeDisplay: project.storeDisplay,
    ...(project.config.encoding ? { encoding: project.config.encoding } : {}),
    nameChanges: project.config.nameChanges,
    env,
    ...(choices.cache !== undefined ? { cache: choices.cache } : {}),
    ...(choices.jobs !== undefined ? { jobs: choices.jobs } : {}),
    ...(choices.outline ? { outline: true } : {}),
  });
}

/**
 * Runs `work` with a session over the project's store: the store read (StoreReadError when it cannot be), its syntax
 * problems reported and a store with errors refused (StoreErrorsError) unless keepGoing, then `work`, then the
 * mapping's problems; the caches are saved and the workers stopped whatever happens.
 */
export async function withProjectSession<T>(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
  choices: SessionChoices,
  report: ProblemSink,
  work: (session: RenderSession, store: ParsedStore) => Promise<T>,
): Promise<T> {
  const session = sessionFor(project, env, choices);
  const keepGoing = choices.keepGoing ?? false;
  try {
    const store = session.load();
    report(store.problems);
    refuseErrors(store.problems, store.file, keepGoing);
    const result = await work(session, store);
    report(session.mappingProblems);
    refuseErrors(session.mappingProblems, store.file, keepGoing);
    return result;
  } finally {
    await session.close();
  }
}

/** Every entry of the store as CSL items, through the item cache (unless `cache` is false): for `check` and `export-hugo`. */
export async function projectPublications(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
  choices: Pick<SessionChoices, 'cache'> = {},
): Promise<Publications> {
  const session = sessionFor(project, env, { ...choices, jobs: 0 });
  try {
    session.load();
    return await session.publications();
  } finally {
    await session.close();
  }
}

/** The list in one format (`bibfolio format`). */
export async function renderProjectList(
  project: Project,
  format: OutputFormat,
  request: ListRequest,
  report: ProblemSink,
): Promise<RenderedList> {
  return withProjectSession(project, request.env, { ...request, outline: true }, report, (session) =>
    session.render(listOptions(project, request.cwd, format, request.flags)),
  );
}

/** One output of the config, rendered, with the path it is written to. */
export interface RenderedOutput {
  readonly output: OutputSpec;
  readonly path: string;
  readonly result: RenderedList;
}

/**
 * Every output the config names (`bibfolio publications`): every path checked first (OutputPathError), then every
 * output rendered in one session, before any is written, so that a store with errors changes no file.
 */
export async function renderProjectOutputs(
  project: Project,
  request: ListRequest,
  report: ProblemSink,
): Promise<RenderedOutput[]> {
  const paths = project.config.outputs.map((output, i) =>
    outputPath(project, resolve(project.root, output.path), `the config's outputs[${i}].path`, true),
  );
  return withProjectSession(project, request.env, { ...request, outline: true }, report, async (session) => {
    const results: RenderedOutput[] = [];
    for (const [i, output] of project.config.outputs.entries()) {
      const result = await session.render(listOptions(project, request.cwd, output.format, request.flags, output));
      results.push({ output, path: paths[i] as string, result });
    }
    return results;
  });
}
