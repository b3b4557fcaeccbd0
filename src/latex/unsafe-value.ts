/** A value export-bib cannot write safely, with the reason (the caller names the entry and field). */
export class UnsafeValueError extends Error {}
