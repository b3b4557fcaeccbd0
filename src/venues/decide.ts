/**
 * The decision, per entry, from what the identifier sources said. Pure.
 *
 * - published: a venue record reached by identifier (DBLP's record of the key Semantic Scholar gives for the arXiv ID,
 *   not a CoRR key; a Crossref work whose `has-preprint` names the arXiv ID, or whose DOI the store or that DBLP
 *   record gives) whose authors agree with the store's (same family names, same order, accents folded);
 * - suggested: only Semantic Scholar's venue says so, or two records disagree on the year or the kind of venue;
 * - nothing: no venue beyond arXiv, or only records whose authors differ.
 * Titles are never matched: every link is an identifier.
 */
import { cleanDoi, cleanPages, cleanYear } from '../model/identifiers.js';
import { WORKSHOP_PATTERN } from '../csl/mapping-tables.js';
import { CONFERENCE } from '../sync/promote.js';
import { authorsAgree, familiesOfDisplayNames, type FamilyList } from './authors.js';
import type { CrossrefWork } from './crossref.js';
import { isCorrKey, type DblpRecord } from './dblp.js';
import type { S2Paper } from './semantic-scholar.js';

export interface Evidence {
  readonly key: string;
  readonly arxiv?: string;
  /** The store's own DOI (not arXiv's). */
  readonly doi?: string;
  readonly authors: FamilyList;
  /** undefined: not asked; null: Semantic Scholar does not know the ID. */
  readonly s2?: S2Paper | null;
  readonly dblp?: DblpRecord;
  readonly crossref?: CrossrefWork;
  /** Where the DOI asked of Crossref came from. */
  readonly crossrefDoiFrom?: 'store' | 'dblp' | 'semantic-scholar';
}

export interface Venue {
  readonly type: 'article' | 'inproceedings';
  /** BibTeX field -> value. */
  readonly fields: Readonly<Record<string, string>>;
  /** BibTeX field -> where it comes from (`dblp:KEY`, `crossref:DOI`, `semantic-scholar:ID`). */
  readonly sources: Readonly<Record<string, string>>;
}

export interface Claim {
  readonly source: string;
  readonly says: string;
}

export type Decision =
  | { readonly kind: 'published'; readonly venue: Venue; readonly claims: readonly Claim[] }
  | { readonly kind: 'suggested'; readonly venue: Venue; readonly reason: string; readonly claims: readonly Claim[] }
  | { readonly kind: 'nothing'; readonly reason: string; readonly claims: readonly Claim[] };

const PREPRINT_SERVERS = /arxiv|biorxiv|medrxiv|chemrxiv|ssrn|research\s*square|preprints?\.org|openreview\.net$/i;

/** A page range by its grammar (`1--83`); anything else from a service is not written. */
const pagesOf = cleanPages;

function compact(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => !!e[1]));
}

/** DBLP's record as a venue, with Semantic Scholar's full name of the same venue when it lists DBLP's short one. */
function dblpVenue(record: DblpRecord, s2: S2Paper | null | undefined): Venue | undefined {
  const source = `dblp:${record.key}`;
  const short = record.type === 'article' ? record.journal : record.booktitle;
  if (!short || (record.type !== 'article' && record.type !== 'inproceedings')) return undefined;
  const names = [s2?.publicationVenue?.name, ...(s2?.publicationVenue?.alternate_names ?? [])].map((n) =>
    (n ?? '').replace(/\.$/, '').toLowerCase(),
  );
  // Semantic Scholar's full name, when it lists DBLP's short one and is written in title case
  const candidate = s2?.publicationVenue?.name;
  const titleCased = candidate !== undefined && /\s\p{Lu}/u.test(candidate);
  const full = titleCased && names.includes(short.replace(/\.$/, '').toLowerCase()) ? candidate : undefined;
  const venueField = record.type === 'article' ? 'journal' : 'booktitle';
  const fields = compact({
    [venueField]: full ?? short,
    year: cleanYear(record.year),
    // DBLP numbers some journals' volumes by year (TMLR: volume 2025): that is no volume
    volume: record.volume !== record.year ? record.volume : undefined,
    number: record.number,
    pages: pagesOf(record.pages),
    doi: cleanDoi(record.doi),
  });
  const sources = Object.fromEntries(Object.keys(fields).map((f) => [f, source]));
  if (full) sources[venueField] = `${source} (name: semantic-scholar:${s2?.paperId})`;
  return { type: record.type, fields, sources };
}

function crossrefVenue(work: CrossrefWork): Venue | undefined {
  const type =
    work.type === 'journal-article'
      ? 'article'
      : work.type === 'proceedings-article' || work.type === 'book-chapter'
        ? 'inproceedings'
        : undefined;
  if (!type || !work.containerTitle) return undefined;
  const fields = compact({
    [type === 'article' ? 'journal' : 'booktitle']: work.containerTitle,
    year: cleanYear(work.year),
    volume: work.volume,
    number: work.issue,
    pages: pagesOf(work.pages),
    doi: cleanDoi(work.doi),
  });
  return { type, fields, sources: Object.fromEntries(Object.keys(fields).map((f) => [f, `crossref:${work.doi}`])) };
}

function s2Venue(paper: S2Paper): Venue | undefined {
  const name = paper.publicationVenue?.name || paper.venue || paper.journal?.name;
  if (!name || PREPRINT_SERVERS.test(name)) return undefined;
  const kind = paper.publicationVenue?.type?.toLowerCase();
  const types = paper.publicationTypes ?? [];
  const type: Venue['type'] = WORKSHOP_PATTERN.test(name)
    ? 'inproceedings'
    : kind === 'journal' || (types.includes('JournalArticle') && !types.includes('Conference'))
      ? 'article'
      : kind === 'conference' || types.includes('Conference') || CONFERENCE.test(name)
        ? 'inproceedings'
        : 'article';
  const journal = paper.journal && paper.journal.name === name ? paper.journal : undefined;
  const fields = compact({
    [type === 'article' ? 'journal' : 'booktitle']: name,
    year: cleanYear(paper.year === undefined ? undefined : String(paper.year)),
    volume: journal?.volume?.trim(),
    pages: pagesOf(journal?.pages?.trim()),
  });
  return {
    type,
    fields,
    sources: Object.fromEntries(Object.keys(fields).map((f) => [f, `semantic-scholar:${paper.paperId}`])),
  };
}

function describe(venue: Venue): string {
  const f = venue.fields;
  return [f.journal ?? f.booktitle, f.year].filter(Boolean).join(', ');
}

/** Both venues name the same year and the same kind of venue. */
function sameVenue(a: Venue, b: Venue): boolean {
  return (
    a.type === b.type && (a.fields.year === undefined || b.fields.year === undefined || a.fields.year === b.fields.year)
  );
}

export function decide(evidence: Evidence): Decision {
  const claims: Claim[] = [];
  const { s2, dblp, crossref } = evidence;
  const s2Claim = s2 ? s2Venue(s2) : undefined;
  if (s2Claim) claims.push({ source: 'Semantic Scholar', says: describe(s2Claim) });
  const dblpKey = s2 ? s2.externalIds?.DBLP : undefined;
  if (typeof dblpKey === 'string' && isCorrKey(dblpKey))
    claims.push({ source: 'DBLP', says: `${dblpKey} is arXiv's own record (CoRR): no venue` });

  let byDblp: Venue | undefined;
  if (dblp) {
    const venue = dblpVenue(dblp, s2);
    if (venue && authorsAgree(evidence.authors, familiesOfDisplayNames(dblp.authors))) {
      byDblp = venue;
      claims.push({ source: 'DBLP', says: `${describe(venue)} (${dblp.key})` });
    } else if (venue) {
      claims.push({
        source: 'DBLP',
        says: `${describe(venue)} (${dblp.key}), but its authors differ from the store's: not taken`,
      });
    }
  }

  let byCrossref: Venue | undefined;
  if (crossref) {
    const venue = crossrefVenue(crossref);
    const arxivDoi = evidence.arxiv ? `10.48550/arxiv.${evidence.arxiv.toLowerCase()}` : undefined;
    const namesPreprint =
      arxivDoi !== undefined && crossref.hasPreprint.some((id) => id === arxivDoi || id === `arxiv:${evidence.arxiv}`);
    const linked =
      namesPreprint ||
      evidence.crossrefDoiFrom === 'store' ||
      (evidence.crossrefDoiFrom === 'dblp' && byDblp !== undefined);
    const families = crossref.authors.map((a) => a.family ?? a.name ?? '');
    const agree = authorsAgree(evidence.authors, familiesOfDisplayNames(families));
    if (venue && linked && agree) {
      byCrossref = venue;
      claims.push({
        source: 'Crossref',
        says: `${describe(venue)} (${crossref.doi}${namesPreprint ? ', names the arXiv preprint' : ''})`,
      });
    } else if (venue) {
      const why = !agree ? "its authors differ from the store's" : 'no identifier links it to this paper';
      claims.push({ source: 'Crossref', says: `${describe(venue)} (${crossref.doi}), but ${why}: not taken` });
    }
  }

  if (byDblp && byCrossref && !sameVenue(byDblp, byCrossref)) {
    return { kind: 'suggested', venue: byCrossref, reason: 'DBLP and Crossref disagree', claims };
  }
  if (byDblp || byCrossref) {
    // Crossref's full names and DOI first, DBLP's for what Crossref does not have
    const first = byCrossref ?? byDblp;
    const second = byCrossref ? byDblp : undefined;
    const venue: Venue = {
      type: (first as Venue).type,
      fields: { ...second?.fields, ...first?.fields },
      sources: { ...second?.sources, ...first?.sources },
    };
    return { kind: 'published', venue, claims };
  }
  if (s2Claim) return { kind: 'suggested', venue: s2Claim, reason: "only Semantic Scholar's venue says so", claims };
  const reason = s2 === null ? 'Semantic Scholar does not know the identifier' : 'no venue beyond the preprint';
  return { kind: 'nothing', reason, claims };
}
