/**
 * The store transaction (sync/store-transaction.ts) as the commands use it: the store and its encoding from the
 * context, notes on standard error, and a transaction that wrote nothing reported in one line (exit 1).
 */
import { relative } from 'node:path';
import { formatProblem } from '../../model/problems.js';
import { sidecarPathFor } from '../../sync/sidecar.js';
import {
  StepSession,
  StoreTransactionError,
  withStoreTransaction,
  type StoreSession,
} from '../../sync/store-transaction.js';
import type { Context } from '../context.js';
import { CliFailure, type Io } from '../io.js';

export { StepSession, type StoreSession };

export async function withStoreSession<T>(
  ctx: Context,
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
  try {
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
  } catch (err) {
    if (err instanceof StoreTransactionError) {
      for (const p of err.problems) io.stderr(`${formatProblem(p)}\n`);
      throw new CliFailure(err.message);
    }
    throw err;
  }
}
