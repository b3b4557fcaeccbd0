/** Mapping tables, kept as data beside the mapping code. */

/** Store fields that no list renders; they are not handed to citation-js (speed, and nothing to escape). */
export const FIELDS_NOT_RENDERED: ReadonlySet<string> = new Set([
  'abstract',
  'annote',
  'annotation',
  'file',
  'eprint',
  'eprinttype',
  'eprintclass',
  'archiveprefix',
  'primaryclass',
  'selected',
  'timestamp',
  'owner',
  'groups',
  'mendeley-tags',
  'bibsource',
  'biburl',
]);

/** Venues of workshop papers: `NeurIPS 2024 Workshop on …`, `ICML Workshop …`. */
export const WORKSHOP_PATTERN = /\bworkshops?\b/i;

/** Headings of `--group-by type`, in the order a CV lists them. */
export const KIND_HEADINGS = [
  ['journal', 'Journal articles'],
  ['conference', 'Conference papers'],
  ['workshop', 'Workshop papers'],
  ['preprint', 'Preprints'],
  ['other', 'Other'],
] as const;
