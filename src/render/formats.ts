/** The output formats (kept apart so that the command line can list them without loading the renderer). */
export const OUTPUT_FORMATS = ['markdown', 'html', 'latex', 'text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
