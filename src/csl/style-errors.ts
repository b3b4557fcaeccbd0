/** Errors of the style and locale catalogue: each message is one line a user can act on. */

/** A style or locale that cannot be found (the message says where bibfolio looked, or what exists). */
export class StyleNotFoundError extends Error {}

/** A style that cannot be used: not CSL, no bibliography, a missing parent. One line, naming the file. */
export class StyleError extends Error {}

export class CatalogueError extends Error {}
