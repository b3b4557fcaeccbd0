/**
 * The one three-way merge every sync applies (src/sync/merge-rule.ts), and both syncs following it on every field
 * they write: a field the owner left alone is updated, one they edited is kept, one they deleted stays deleted.
 */
import { describe, expect, it } from 'vitest';
import type { ArxivRecord } from '../../src/arxiv/atom.js';
import { parseStore } from '../../src/store/parse.js';
import { mergeField } from '../../src/sync/merge-rule.js';
import { planSync } from '../../src/sync/plan.js';
import { emptySidecar, type Sidecar } from '../../src/sync/sidecar.js';
import type { Decision } from '../../src/venues/decide.js';
import { planVenues } from '../../src/venues/plan.js';

const same = (a: string, b: string) => a === b;

describe('mergeField', () => {
  it('decides each case of ours, theirs and base', () => {
    expect(mergeField({ ours: undefined, theirs: 'T', base: undefined, same })).toEqual({ kind: 'add' });
    expect(mergeField({ ours: undefined, theirs: 'T', base: 'T', same })).toEqual({
      kind: 'deleted-by-owner',
      conflict: false,
    });
    expect(mergeField({ ours: undefined, theirs: 'T2', base: 'T', same })).toEqual({
      kind: 'deleted-by-owner',
      conflict: true,
    });
    expect(mergeField({ ours: 'T', theirs: 'T', base: undefined, same })).toEqual({ kind: 'same' });
    expect(mergeField({ ours: 'T', theirs: 'T2', base: 'T', same })).toEqual({ kind: 'update' });
    expect(
      mergeField({ ours: 'arXiv', theirs: 'J', base: undefined, same, replaceable: (v) => v === 'arXiv' }),
    ).toEqual({ kind: 'update' });
    expect(mergeField({ ours: 'Mine', theirs: 'T', base: 'T', same })).toEqual({ kind: 'kept-edit', conflict: false });
    expect(mergeField({ ours: 'Mine', theirs: 'T2', base: 'T', same })).toEqual({ kind: 'kept-edit', conflict: true });
    expect(mergeField({ ours: 'Mine', theirs: 'T', base: undefined, same })).toEqual({
      kind: 'kept-edit',
      conflict: false,
    });
  });
});

const record = (extra: Partial<ArxivRecord> = {}): ArxivRecord => ({
  id: '2501.00001',
  version: 1,
  title: 'The Title',
  summary: 'An abstract.',
  authors: [{ name: 'Joe Benton', affiliations: [] }],
  published: '2025-01-05T00:00:00Z',
  updated: '2025-01-05T00:00:00Z',
  categories: ['cs.LG'],
  primaryCategory: 'cs.LG',
  doi: '10.1000/first',
  journalRef: 'J. First 1 (2025)',
  ...extra,
});

/** The second version changes every field arXiv gives. */
const SECOND = record({
  version: 2,
  title: 'The New Title',
  summary: 'A new abstract.',
  authors: [
    { name: 'Joe Benton', affiliations: [] },
    { name: 'Arnaud Doucet', affiliations: [] },
  ],
  categories: ['stat.ML'],
  primaryCategory: 'stat.ML',
  doi: '10.1000/second',
  journalRef: 'J. Second 2 (2025)',
});

function arxivSync(source: string, r: ArxivRecord, sidecar: Sidecar = emptySidecar()) {
  return planSync({
    store: parseStore(source),
    sidecar,
    records: new Map([[r.id, r]]),
    notFound: [],
    requested: [],
    promote: false,
    abstract: true,
  });
}

const START = '@misc{k,\n  eprint = {2501.00001},\n}\n';

/** Fields arXiv writes and changes between versions, with the value the second version brings. */
const ARXIV_CHANGES: ReadonlyArray<readonly [string, RegExp]> = [
  ['title', /The New Title/],
  ['author', /Doucet/],
  ['doi', /10\.1000\/second/],
  ['journal_ref', /J\. Second/],
  ['primaryclass', /stat\.ML/],
  ['abstract', /A new abstract/],
];

function fieldLine(source: string, field: string): string | undefined {
  return source.split('\n').find((l) => new RegExp(`^\\s*${field}\\s*=`, 'i').test(l));
}

describe('sync-arxiv follows the merge rule on every field it writes', () => {
  const first = arxivSync(START, record());
  it.each(ARXIV_CHANGES)('%s: unchanged is updated, edited is kept, deleted stays deleted', (field, second) => {
    expect(fieldLine(first.source, field), `${field} written by the first sync`).toBeDefined();
    // unchanged
    const updated = arxivSync(first.source, SECOND, first.sidecar).source;
    expect(fieldLine(updated, field)).toMatch(second);
    // edited
    const line = fieldLine(first.source, field) as string;
    const edited = first.source.replace(line, line.replace(/=\s*.*$/, '= {Mine},'));
    const afterEdit = arxivSync(edited, SECOND, first.sidecar).source;
    expect(fieldLine(afterEdit, field)).toMatch(/\{Mine\}/);
    // deleted
    const deleted = first.source.replace(`${line}\n`, '');
    const afterDelete = arxivSync(deleted, SECOND, first.sidecar).source;
    expect(fieldLine(afterDelete, field)).toBeUndefined();
  });
});

const venue = (fields: Record<string, string>): Decision => ({
  kind: 'published',
  venue: { type: 'article', fields, sources: Object.fromEntries(Object.keys(fields).map((k) => [k, 'dblp:x'])) },
  claims: [],
});

const FIRST_VENUE = { journal: 'Journal One', volume: '1', number: '2', pages: '1--10', year: '2025', doi: '10.1/a' };
const SECOND_VENUE = { journal: 'Journal Two', volume: '3', number: '4', pages: '11--20', year: '2026', doi: '10.1/b' };

function venueSync(source: string, fields: Record<string, string>, sidecar: Sidecar = emptySidecar()) {
  return planVenues({
    store: parseStore(source),
    sidecar,
    decisions: new Map([['k', { id: 'arXiv:2501.00001', decision: venue(fields) }]]),
    promote: true,
    accept: new Set(),
    today: '2026-12-06',
  });
}

const PREPRINT =
  '@article{k,\n  title = {T},\n  author = {Benton, Joe},\n  journal = {arXiv preprint arXiv:2501.00001},\n  eprint = {2501.00001},\n}\n';

describe('sync-venues follows the merge rule on every field it writes', () => {
  const first = venueSync(PREPRINT, FIRST_VENUE);
  it.each(Object.keys(SECOND_VENUE))('%s: unchanged is updated, edited is kept, deleted stays deleted', (field) => {
    const wanted = SECOND_VENUE[field as keyof typeof SECOND_VENUE];
    const line = fieldLine(first.source, field);
    expect(line, `${field} written by the first sync`).toBeDefined();
    const updated = venueSync(first.source, SECOND_VENUE, first.sidecar).source;
    expect(fieldLine(updated, field)).toContain(wanted);
    const edited = first.source.replace(line as string, (line as string).replace(/=\s*.*$/, '= {Mine},'));
    expect(fieldLine(venueSync(edited, SECOND_VENUE, first.sidecar).source, field)).toMatch(/\{Mine\}/);
    const deleted = first.source.replace(`${line as string}\n`, '');
    expect(fieldLine(venueSync(deleted, SECOND_VENUE, first.sidecar).source, field)).toBeUndefined();
  });
});
