/** The export targets (kept apart so that the command line can list them without loading the exporter). */
export const EXPORT_TARGETS = ['bibtex', 'biblatex'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
