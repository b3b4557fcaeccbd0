/**
 * The one rule for "is this entry still a preprint", used by the lists (an arXiv form), sync-arxiv (arXiv's date
 * dates a preprint only) and sync-venues (a preprint's type and placeholder venue are replaced by the venue's).
 * A preprint is an entry of a type a preprint is written as, whose venue is absent or only names a preprint server
 * (`arXiv preprint arXiv:2501.00001`, `CoRR`, `arXiv`). Pure.
 */

/** Types that name no venue of their own: an entry of one, once published, takes the venue's type. */
const VENUELESS_TYPES: ReadonlySet<string> = new Set([
  'misc',
  'unpublished',
  'online',
  'electronic',
  'www',
  'preprint',
]);

/** Entry types a preprint is written as: those, and the types of a venue with a placeholder in it. */
export const PREPRINT_TYPES: ReadonlySet<string> = new Set([
  ...VENUELESS_TYPES,
  'techreport',
  'report',
  'article',
  'inproceedings',
]);

const VENUE_FIELDS = ['journal', 'journaltitle', 'booktitle'] as const;

/** A venue value that only stands for a preprint: `arXiv preprint arXiv:…`, `arXiv`, DBLP's `CoRR`, `Preprint`. */
export function isPreprintVenue(venue: string | undefined): boolean {
  return (
    venue !== undefined &&
    /^\s*\{?(?:arxiv|corr|preprint|e-?print)\b|\barxiv preprint\b|\barxiv e-prints\b/i.test(venue)
  );
}

/** The entry's venue (journal, else journaltitle, else booktitle), or undefined when it has none. */
export function venueOf(fields: ReadonlyMap<string, string>): string | undefined {
  return VENUE_FIELDS.map((f) => fields.get(f)).find((v) => v !== undefined && v.trim() !== '');
}

/** Still a preprint: a preprint's type, and no venue or one that only names a preprint server. */
export function isPreprint(type: string, fields: ReadonlyMap<string, string>): boolean {
  const venue = venueOf(fields);
  return PREPRINT_TYPES.has(type) && (venue === undefined || isPreprintVenue(venue));
}

/**
 * Written as a preprint: still a preprint, or of a type that names no venue (`@misc` with a journal the owner added
 * by hand). sync-venues gives such an entry the venue's type.
 */
export function writtenAsPreprint(type: string, fields: ReadonlyMap<string, string>): boolean {
  return VENUELESS_TYPES.has(type) || isPreprint(type, fields);
}
