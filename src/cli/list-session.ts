/**
 * The list commands over the library's render engine (src/engine/render-session.ts): a session made from the
 * command line's context, the store's problems reported, and a store that cannot be read turned into one line.
 */
import type { Publications } from '../pipeline.js';
import { RenderSession } from '../engine/render-session.js';
import type { ParsedStore } from '../store/parse.js';
import { StoreReadError } from '../store/read.js';
import type { Context } from './context.js';
import { CliFailure, type Io } from './io.js';
import { reportProblems } from './load.js';

export interface SessionFlags {
  /** false with --no-cache */
  readonly cache?: boolean;
  readonly jobs?: number;
}

function sessionFor(ctx: Context, io: Io, flags: SessionFlags): RenderSession {
  return new RenderSession({
    storePath: ctx.storePath,
    storeDisplay: ctx.storeDisplay,
    ...(ctx.config.encoding ? { encoding: ctx.config.encoding } : {}),
    nameChanges: ctx.config.nameChanges,
    env: io.env,
    ...(flags.cache !== undefined ? { cache: flags.cache } : {}),
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
  });
}

function loadStore(session: RenderSession): ParsedStore {
  try {
    return session.load();
  } catch (err) {
    if (err instanceof StoreReadError) throw new CliFailure(err.message);
    throw err;
  }
}

/**
 * Runs a list command's work with a session: the store read and its syntax problems reported (failing on errors
 * unless --keep-going), then `work`, then the caches saved and the workers stopped, whatever happens.
 */
export async function withListSession<T>(
  ctx: Context,
  io: Io,
  flags: SessionFlags & { readonly keepGoing?: boolean; readonly canKeepGoing?: boolean },
  work: (session: RenderSession, store: ParsedStore) => Promise<T>,
): Promise<T> {
  const session = sessionFor(ctx, io, flags);
  try {
    const store = loadStore(session);
    reportProblems(store.problems, store.file, io, flags.keepGoing ?? false, flags.canKeepGoing);
    const result = await work(session, store);
    reportProblems(session.mappingProblems, store.file, io, flags.keepGoing ?? false, flags.canKeepGoing);
    return result;
  } finally {
    await session.close();
  }
}

/** Every entry of the store as CSL items, through the item cache: for `check` and `export-bib`. */
export async function loadPublications(ctx: Context, io: Io): Promise<Publications> {
  const session = sessionFor(ctx, io, { jobs: 0 });
  try {
    loadStore(session);
    return await session.publications();
  } finally {
    await session.close();
  }
}
