/** The output formats (kept apart so that the command line can list them without loading the renderer). */
export const OUTPUT_FORMATS = ['markdown', 'html', 'latex', 'text', 'json', 'yaml', 'svg'] as const;
/** Formats that carry data for other programs, not a document. */
export const DATA_FORMATS: ReadonlySet<string> = new Set(['json', 'yaml']);
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
