/**
 * The store transaction (sync/store-transaction.ts) as the commands use it: the store and its encoding from the
 * project, notes on standard error. A transaction that wrote nothing throws StoreTransactionError (cli/failures.ts).
 */
import { relative } from 'node:path';
import { sidecarPathFor } from '../sync/sidecar.js';
import { StepSession, withStoreTransaction, type StoreSession } from '../sync/store-transaction.js';
import type { Project } from '../engine/project.js';
import type { Io } from './io.js';

export { StepSession, type StoreSession };

export async function withStoreSession<T>(
  ctx: Project,
  io: Io,
  options: {
    readonly dryRun: boolean;
    readonly mayCreate: boolean;
    readonly what: string;
    readonly within?: StepSession;
  },
  work: (session: StoreSession) => Promise<T>,
): Promise<T> {
  const sidecarPath = sidecarPathFor(ctx.storePath);
  // the heartbeat's period: a test can shorten it to show a lock outliving many of them
  const refreshMs = Number(io.env.BIBFOLIO_LOCK_REFRESH_MS) || undefined;
  return await withStoreTransaction(
    {
      ...options,
      storePath: ctx.storePath,
      storeDisplay: ctx.storeDisplay,
      sidecarDisplay: relative(io.cwd, sidecarPath) || sidecarPath,
      ...(ctx.config.encoding ? { encoding: ctx.config.encoding } : {}),
      onNote: (text) => io.stderr(`${text}\n`),
      ...(refreshMs ? { lockRefreshMs: refreshMs } : {}),
    },
    work,
  );
}
