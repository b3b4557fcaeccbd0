/** The arXiv client's failures. */
/** A request that failed for good: network, HTTP status, or a response that is not a feed. */
export class ArxivError extends Error {}

/** Options that must not be sent to arXiv (checked before any request). */
export class ArxivUsageError extends Error {}
