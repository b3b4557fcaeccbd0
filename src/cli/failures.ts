/**
 * The one table from a failure to what the user reads and the exit status. The library throws its own errors (each
 * class exists because someone catches it); only here are they turned into a line of text and a status: 1 for a
 * failure, 2 for a usage error. Anything not in the table is a bug: the entry point reports it as unexpected.
 */
import { ArxivError, ArxivUsageError } from '../arxiv/errors.js';
import { CatalogueError, StyleError, StyleNotFoundError } from '../csl/style-errors.js';
import { ConfigError, UsageError } from '../model/errors.js';
import { formatProblem, StoreErrorsError } from '../model/problems.js';
import { FileWorksError } from '../sources/errors.js';
import { OutputPathError, StoreReadError, StoreRewriteError } from '../store/errors.js';
import { StoreTransactionError } from '../sync/errors.js';
import { SourceError, SourceUsageError } from '../venues/errors.js';
import { CliFailure } from './io.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface Failure {
  readonly exit: (typeof EXIT)['failure' | 'usage'];
  /** What the user reads, without the `bibfolio:` prefix; empty when it was printed already. */
  readonly text: string;
  /** Lines printed before it, as they are (the problems of a store a transaction could not read). */
  readonly details: readonly string[];
}

type ErrorClass = abstract new (...args: never[]) => Error;
type Wording = (err: Error) => string;

const said: Wording = (err) => err.message;
const nothingWritten: Wording = (err) => `${err.message}; nothing was written`;

/** Each error the user may meet, its exit status and its wording; the first class that matches decides. */
const FAILURES: readonly (readonly [ErrorClass, Failure['exit'], Wording])[] = [
  [UsageError, EXIT.usage, said],
  [SourceUsageError, EXIT.usage, said],
  [ArxivUsageError, EXIT.usage, said],
  // a failure the command already explained (check's summary line) is not said twice
  [CliFailure, EXIT.failure, (err) => (err.cause === 'silent' ? '' : err.message)],
  [ConfigError, EXIT.failure, said],
  [StyleNotFoundError, EXIT.failure, said],
  [StyleError, EXIT.failure, said],
  [StoreReadError, EXIT.failure, said],
  [StoreErrorsError, EXIT.failure, said],
  [StoreRewriteError, EXIT.failure, said],
  [OutputPathError, EXIT.failure, said],
  [FileWorksError, EXIT.failure, said],
  // after the problems of a store it could not parse (details)
  [StoreTransactionError, EXIT.failure, said],
  // a service that failed for good: the store is as it was
  [SourceError, EXIT.failure, nothingWritten],
  [ArxivError, EXIT.failure, nothingWritten],
  [CatalogueError, EXIT.failure, (err) => `${err.message}; no style was added`],
];

/** The failure `err` is to the user, or undefined for an error no table entry knows (a bug). */
export function failureOf(err: unknown): Failure | undefined {
  if (!(err instanceof Error)) return undefined;
  const details = err instanceof StoreTransactionError ? err.problems.map(formatProblem) : [];
  for (const [type, exit, wording] of FAILURES) if (err instanceof type) return { exit, text: wording(err), details };
  return undefined;
}
