/** The decision rule, case by case, from the recorded shapes: published, suggested or nothing, with the claims. */
import { describe, expect, it } from 'vitest';
import { familiesOfBibtex } from '../../src/venues/authors.js';
import { parseCrossrefWork } from '../../src/venues/crossref.js';
import { parseDblpRecord } from '../../src/venues/dblp.js';
import { decide, type Evidence } from '../../src/venues/decide.js';
import type { S2Paper } from '../../src/venues/semantic-scholar.js';
import { fixtureJson, fixtureText } from './fake-venues.js';

const GEMA =
  'Gema, Aryo Pradipta and H{\\"a}gele, Alexander and Chen, Runjin and Arditi, Andy and Goldman-Wetzler, Jacob and Fraser-Taliente, Kit and Sleight, Henry and Petrini, Linda and Michael, Julian and Alex, Beatrice and Minervini, Pasquale and Chen, Yanda and Benton, Joe and Perez, Ethan';
const s2Tmlr = fixtureJson<S2Paper>('semantic-scholar/inverse-scaling-tmlr-dblp-key.json');
const dblpTmlr = parseDblpRecord(
  fixtureText('dblp/journals-tmlr-GemaHCAGFSPMAMCBP25.xml'),
  'journals/tmlr/GemaHCAGFSPMAMCBP25',
);
const gema = (extra: Partial<Evidence>): Evidence => ({
  key: 'gema',
  arxiv: '2507.14417',
  authors: familiesOfBibtex(GEMA),
  s2: s2Tmlr,
  ...extra,
});

describe('decide', () => {
  it('published: the DBLP record of the key Semantic Scholar gives, authors agreeing (accents folded), with provenance', () => {
    const d = decide(gema({ dblp: dblpTmlr }));
    expect(d.kind).toBe('published');
    if (d.kind !== 'published') return;
    expect(d.venue).toEqual({
      type: 'article',
      fields: { journal: 'Transactions on Machine Learning Research', year: '2025' },
      sources: {
        journal:
          'dblp:journals/tmlr/GemaHCAGFSPMAMCBP25 (name: semantic-scholar:2f1e5a8b7c6d4e3f2a1b0c9d8e7f6a5b4c3d2e1f)',
        year: 'dblp:journals/tmlr/GemaHCAGFSPMAMCBP25',
      },
    });
  });

  it('a truncated list ("and others") agrees with the start of the record\'s', () => {
    const short = familiesOfBibtex('Gema, Aryo Pradipta and H{\\"a}gele, Alexander and others');
    expect(decide(gema({ dblp: dblpTmlr, authors: short })).kind).toBe('published');
  });

  it("nothing from a DBLP record whose authors differ; Semantic Scholar's venue is then only a suggestion", () => {
    const other = parseDblpRecord(fixtureText('dblp/authors-differ.xml'), 'conf/icml/OtherAB25');
    const d = decide(gema({ dblp: other }));
    expect(d.kind).toBe('suggested');
    expect(d.claims).toContainEqual({
      source: 'DBLP',
      says: "ICML, 2025 (conf/icml/OtherAB25), but its authors differ from the store's: not taken",
    });
    expect(
      decide(gema({ dblp: other, s2: { ...s2Tmlr, venue: 'arXiv.org', publicationVenue: null, journal: null } })).kind,
    ).toBe('nothing');
  });

  it("published by DBLP when Semantic Scholar's venue disagrees; both claims are reported", () => {
    const s2 = {
      ...s2Tmlr,
      venue: 'Neural Information Processing Systems',
      publicationVenue: { name: 'Neural Information Processing Systems', type: 'conference' },
    };
    const d = decide(gema({ s2, dblp: dblpTmlr }));
    expect(d.kind).toBe('published');
    expect(d.claims.map((c) => c.source)).toEqual(['Semantic Scholar', 'DBLP']);
    expect(d.claims[0]?.says).toBe('Neural Information Processing Systems, 2025');
    if (d.kind === 'published') expect(d.venue.fields.journal).toBe('Trans. Mach. Learn. Res.');
  });

  it("nothing from a CoRR key: DBLP's copy of the arXiv record proves no publication", () => {
    const s2 = fixtureJson<S2Paper>('semantic-scholar/preprint-corr-key-only.json');
    const d = decide({
      key: 'chen',
      arxiv: '2505.05410',
      authors: familiesOfBibtex('Chen, Yanda and Benton, Joe'),
      s2,
    });
    expect(d).toEqual({
      kind: 'nothing',
      reason: 'no venue beyond the preprint',
      claims: [{ source: 'DBLP', says: "journals/corr/abs-2505-05410 is arXiv's own record (CoRR): no venue" }],
    });
  });

  it('suggested only: a workshop named by Semantic Scholar alone is an @inproceedings suggestion', () => {
    const s2 = fixtureJson<S2Paper>('semantic-scholar/verbalize-reward-hacking-workshop-venue-only.json');
    const d = decide({ key: 't', arxiv: '2506.22777', authors: familiesOfBibtex('Turpin, Miles'), s2 });
    expect(d.kind).toBe('suggested');
    if (d.kind === 'suggested') {
      expect(d.venue.type).toBe('inproceedings');
      expect(d.venue.fields.booktitle).toBe('ICML 2025 Workshop on Reliable and Responsible Foundation Models');
      expect(d.reason).toBe("only Semantic Scholar's venue says so");
    }
  });

  const DENOISING = 'Benton, Joe and Shi, Yuyang and De Bortoli, Valentin and Deligiannidis, George and Doucet, Arnaud';
  const work = parseCrossrefWork(fixtureText('crossref/jrsssb-denoising-has-preprint.json'), '10.1093/jrsssb/qkae005');

  it("published: a Crossref work whose has-preprint names the arXiv ID, with Crossref's fields", () => {
    const d = decide({
      key: 'b',
      arxiv: '2211.03595',
      authors: familiesOfBibtex(DENOISING),
      s2: null,
      crossref: work,
      crossrefDoiFrom: 'semantic-scholar',
    });
    expect(d.kind).toBe('published');
    if (d.kind === 'published')
      expect(d.venue.fields).toEqual({
        journal: 'Journal of the Royal Statistical Society Series B: Statistical Methodology',
        year: '2024',
        volume: '86',
        number: '2',
        pages: '286--301',
        doi: '10.1093/jrsssb/qkae005',
      });
  });

  it("not taken: a Crossref work reached by Semantic Scholar's DOI that names no preprint", () => {
    const unlinked = { ...work, hasPreprint: [] };
    const d = decide({
      key: 'b',
      arxiv: '2211.03595',
      authors: familiesOfBibtex(DENOISING),
      s2: null,
      crossref: unlinked,
      crossrefDoiFrom: 'semantic-scholar',
    });
    expect(d.kind).toBe('nothing');
    expect(d.claims[0]?.says).toMatch(/no identifier links it to this paper: not taken/);
  });

  it('suggested when DBLP and Crossref disagree on the year', () => {
    const d = decide(
      gema({
        dblp: dblpTmlr,
        crossref: {
          ...work,
          year: '2023',
          type: 'journal-article',
          hasPreprint: ['10.48550/arxiv.2507.14417'],
          authors: dblpTmlr.authors.map((name) => ({ name })),
        },
      }),
    );
    expect(d.kind).toBe('suggested');
    if (d.kind === 'suggested') expect(d.reason).toBe('DBLP and Crossref disagree');
  });
});
