/** The importers' failures. */
/** A file that is not what its name says: one line, naming it. */
export class FileWorksError extends Error {}
