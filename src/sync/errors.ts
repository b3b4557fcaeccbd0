/** The store transaction's failure. */
import type { Problem } from '../model/problems.js';

/** Why a transaction wrote nothing: one line for the user, and the store's problems when it cannot be parsed. */
export class StoreTransactionError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}
