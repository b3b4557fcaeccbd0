/**
 * The property behind "a value, never syntax", with fast-check and a fixed seed (printed on failure, and taken from
 * TRUST_SEED to reproduce): random and hostile strings go through every field of every source's own reader (arXiv's
 * Atom feed, DBLP's XML, Crossref's JSON, Semantic Scholar's record), the decision and the sync plan, and the store
 * that comes out holds exactly its entries and the fields a sync may write. The value writer itself is idempotent and
 * keeps BibTeX's brace count balanced for any string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/arxiv/atom.js';
import { writeValue } from '../../src/store/edit.js';
import { fileStyle } from '../../src/store/entry-style.js';
import { fieldText } from '../../src/store/field-text.js';
import { parseStore } from '../../src/store/parse.js';
import { emptySidecar } from '../../src/sync/sidecar.js';
import { planSync } from '../../src/sync/plan.js';
import { familiesOfBibtex } from '../../src/venues/authors.js';
import { parseCrossrefWork } from '../../src/venues/crossref.js';
import { parseDblpRecord } from '../../src/venues/dblp.js';
import { decide } from '../../src/venues/decide.js';
import { planVenues } from '../../src/venues/plan.js';
import { feedXml } from '../arxiv/fake-arxiv.js';
import { HOSTILE_VALUES } from './hostile-values.js';

const SEED = Number(process.env.TRUST_SEED ?? 20261205);
const RUNS = Number(process.env.TRUST_RUNS ?? 1000);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

/** Strings a service might send: hostile ones, BibTeX's special characters mixed with any Unicode, and full Unicode. */
const SPECIALS = [
  '{',
  '}',
  '\\',
  '@',
  '%',
  '"',
  ',',
  '=',
  '#',
  '\n',
  '\r',
  '\u001b',
  '\u0000',
  '\u0007',
  '\u202e',
  '$',
];
const text = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES),
  fc
    .array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 4 })), { maxLength: 30 })
    .map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const VICTIM = `@misc{victim,
  author        = {Benton, Joe and Doucet, Arnaud},
  title         = {A Paper Under Attack},
  eprint        = {2401.00001},
  archivePrefix = {arXiv}
}
`;

/** BibTeX's own rule: braces counted with no regard to backslashes. */
function bibtexBalanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const xml = (s: string) =>
  // XML 1.0 cannot carry most control characters: a service would send them as they are and a lenient reader take them
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function intact(source: string, keys: readonly string[], allowed: ReadonlySet<string>): void {
  const store = parseStore(source);
  expect(store.lossless).toBe(true);
  expect(store.entries.map((e) => e.key)).toEqual(keys);
  for (const entry of store.entries) for (const f of entry.raw.fields) expect(allowed.has(f.name), f.name).toBe(true);
  expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(source)).toBe(false);
}

describe(`values from outside (fast-check seed ${SEED}, ${RUNS} runs each)`, () => {
  it('any string becomes one braced value: BibTeX-balanced, one line, and the writer is idempotent', () => {
    const style = fileStyle(
      VICTIM,
      parseStore(VICTIM).entries.map((e) => e.raw),
    );
    fc.assert(
      fc.property(text, (s) => {
        const once = fieldText(s);
        expect(fieldText(once)).toBe(once);
        expect(bibtexBalanced(once)).toBe(true);
        expect(once).not.toMatch(/[\n\r]|\\$/);
        const written = writeValue({ text: s }, style);
        const store = parseStore(`@misc{k, title = ${written}}\n`);
        expect(store.lossless).toBe(true);
        expect(store.entries.map((e) => [e.key, e.raw.fields.map((f) => f.name)])).toEqual([['k', ['title']]]);
      }),
      params,
    );
  });

  it('arXiv: every field of the Atom feed, read by the feed parser, merged and created by the sync plan', () => {
    const allowed = new Set(['title', 'author', 'year', 'month', 'eprint', 'archiveprefix', 'primaryclass', 'url']);
    for (const f of ['doi', 'journal_ref', 'abstract', 'journal', 'booktitle', 'volume', 'number', 'pages'])
      allowed.add(f);
    fc.assert(
      fc.property(text, text, text, text, text, (title, author, doi, journalRef, primary) => {
        const paper = {
          title: `T ${title}`,
          authors: ['Joe Benton', `A ${author} B`],
          published: '2024-01-02T00:00:00Z',
          doi,
          journalRef: `J ${journalRef} 1`,
          primary,
          summary: title,
        };
        let feed;
        try {
          feed = parseFeed(
            feedXml([
              { id: '2401.00001', ...paper },
              { id: '2401.00002', ...paper },
            ]),
          );
        } catch {
          return; // a feed the reader refuses is a failed request, never a value
        }
        const records = new Map(feed.records.map((r) => [r.id, r]));
        const plan = planSync({
          store: parseStore(VICTIM),
          sidecar: emptySidecar(),
          records,
          notFound: [],
          requested: ['2401.00001', '2401.00002'],
          promote: true,
          abstract: true,
        });
        const keys = parseStore(plan.source).entries.map((e) => e.key);
        intact(plan.source, ['victim', ...(records.has('2401.00002') ? [keys[1] as string] : [])], allowed);
      }),
      params,
    );
  });

  it("DBLP, Crossref and Semantic Scholar: every field, read by each client's parser, decided and planned", () => {
    const allowed = new Set(['title', 'author', 'eprint', 'archiveprefix']);
    for (const f of ['journal', 'booktitle', 'year', 'volume', 'number', 'pages', 'doi']) allowed.add(f);
    const victim = parseStore(VICTIM);
    fc.assert(
      fc.property(text, text, text, text, text, (venue, pages, volume, doi, year) => {
        let dblp;
        let crossref;
        try {
          dblp = parseDblpRecord(
            `<dblp><article key="journals/x/Y24"><author>Joe Benton</author><author>Arnaud Doucet</author>` +
              `<title>${xml(venue)}</title><pages>${xml(pages)}</pages><year>${xml(year)}</year><volume>${xml(volume)}</volume>` +
              `<number>${xml(pages)}</number><journal>J ${xml(venue)}</journal><ee>https://doi.org/10.1/${xml(doi)}</ee></article></dblp>`,
            'journals/x/Y24',
          );
        } catch {
          dblp = undefined;
        }
        try {
          crossref = parseCrossrefWork(
            JSON.stringify({
              status: 'ok',
              message: {
                DOI: doi,
                type: 'journal-article',
                'container-title': [`Journal ${venue}`],
                volume,
                issue: pages,
                page: pages,
                author: [{ family: 'Benton' }, { family: 'Doucet' }],
                published: { 'date-parts': [[year]] },
                relation: { 'has-preprint': [{ id: '10.48550/arXiv.2401.00001' }] },
              },
            }),
            '10.5555/x',
          );
        } catch {
          crossref = undefined;
        }
        for (const evidence of [
          { dblp, crossref: undefined },
          { dblp: undefined, crossref },
          { dblp, crossref },
        ]) {
          const decision = decide({
            key: 'victim',
            arxiv: '2401.00001',
            authors: familiesOfBibtex('Benton, Joe and Doucet, Arnaud'),
            s2: { paperId: 'p', venue, journal: { name: venue, pages, volume }, year: 2024 },
            ...(evidence.dblp ? { dblp: evidence.dblp } : {}),
            ...(evidence.crossref ? { crossref: evidence.crossref, crossrefDoiFrom: 'semantic-scholar' as const } : {}),
          });
          const plan = planVenues({
            store: victim,
            sidecar: emptySidecar(),
            decisions: new Map([['victim', { id: 'arXiv:2401.00001', decision }]]),
            promote: true,
            accept: new Set(['victim']),
            today: '2026-12-05',
          });
          intact(plan.source, ['victim'], allowed);
        }
      }),
      params,
    );
  });
});
