/** The identifier sources' failures (every SourceClient). */
/** A source that failed for good (after retries), or answered with something that is not its format. */
export class SourceError extends Error {}

/** Options that must not be sent to a real host (checked before any request). */
export class SourceUsageError extends Error {}
