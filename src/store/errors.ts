/** The store layer's failures, each caught by the command line's failure table (cli/failures.ts) or a caller. */
export class StoreReadError extends Error {}

export class StoreRewriteError extends Error {}

export class OutputPathError extends Error {}
