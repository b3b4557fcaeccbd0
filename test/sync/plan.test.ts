import { describe, expect, it } from 'vitest';
import type { ArxivRecord } from '../../src/arxiv/atom.js';
import { parseStore } from '../../src/store/parse.js';
import { appendFields, applyEdits, removeField } from '../../src/store/edit.js';
import { fileStyle } from '../../src/store/entry-style.js';
import { citationKey } from '../../src/sync/keys.js';
import { completesAuthorList, remapAnnotation } from '../../src/sync/author-lists.js';
import { planSync } from '../../src/sync/plan.js';
import { promotionOf } from '../../src/sync/promote.js';
import { emptySidecar, serializeSidecar, type Sidecar } from '../../src/sync/sidecar.js';

const record = (extra: Partial<ArxivRecord> = {}): ArxivRecord => ({
  id: '2501.00001',
  version: 1,
  title: 'The Title',
  summary: '',
  authors: [{ name: 'Joe Benton', affiliations: [] }],
  published: '2025-01-05T00:00:00Z',
  updated: '2025-01-05T00:00:00Z',
  categories: ['cs.LG'],
  primaryCategory: 'cs.LG',
  ...extra,
});

function sync(source: string, r: ArxivRecord, sidecar: Sidecar = emptySidecar(), promote = false) {
  return planSync({
    store: parseStore(source),
    sidecar,
    records: new Map([[r.id, r]]),
    notFound: [],
    requested: [],
    promote,
    abstract: false,
  });
}

const ENTRY =
  '@misc{k,\n  title = {The Title},\n  author = {Benton, Joe},\n  year = {2025},\n  eprint = {2501.00001},\n}\n';

describe('the three-way merge', () => {
  it('adds what the store lacks and records what arXiv said', () => {
    const plan = sync(ENTRY, record());
    expect(plan.source).toBe(
      '@misc{k,\n  title = {The Title},\n  author = {Benton, Joe},\n  year = {2025},\n  eprint = {2501.00001},\n  month = jan,\n  archivePrefix = {arXiv},\n  primaryClass = {cs.LG},\n  url = {https://arxiv.org/abs/2501.00001},\n}\n',
    );
    expect(plan.sidecar.entries['2501.00001']?.fields.title).toBe('The Title');
  });

  it('updates a field the owner did not touch, keeps one they edited, and reports a conflict when both changed', () => {
    const first = sync(ENTRY, record());
    const edited = first.source.replace('{The Title}', '{My Title}');
    const second = sync(
      edited,
      record({
        title: 'The New Title',
        authors: [
          { name: 'Joe Benton', affiliations: [] },
          { name: 'Yuyang Shi', affiliations: [] },
        ],
      }),
      first.sidecar,
    );
    expect(second.source).toContain('title = {My Title}');
    expect(second.source).toContain('author = {Benton, Joe and Shi, Yuyang}');
    expect(second.report.conflicts).toEqual([
      { key: 'k', id: '2501.00001', field: 'title', ours: 'My Title', theirs: 'The New Title', base: 'The Title' },
    ]);
    // arXiv unchanged since: the hand edit is kept without a conflict
    const third = sync(
      second.source,
      record({
        title: 'The New Title',
        authors: [
          { name: 'Joe Benton', affiliations: [] },
          { name: 'Yuyang Shi', affiliations: [] },
        ],
      }),
      second.sidecar,
    );
    expect(third.report.conflicts).toEqual([]);
    expect(third.source).toBe(second.source);
  });

  it('respects a field the owner deleted', () => {
    const first = sync(ENTRY, record());
    const deleted = first.source.replace('  primaryClass = {cs.LG},\n', '');
    expect(sync(deleted, record(), first.sidecar).source).toBe(deleted);
  });

  it('treats values that read the same as equal', () => {
    const braced = ENTRY.replace('{The Title}', '{The {T}itle}').replace('{Benton, Joe}', '{Benton, J{o}e}');
    const plan = sync(braced, record());
    expect(plan.source).toContain('title = {The {T}itle}');
    expect(plan.report.kept).toEqual([]);
  });

  it('never touches fields arXiv does not own, nor the date of a published paper', () => {
    const published =
      '@article{k,\n  title = {The Title},\n  author = {Benton, Joe},\n  journal = {J},\n  year = {2026},\n  note = {mine},\n  eprint = {2501.00001},\n}\n';
    const plan = sync(published, record());
    expect(plan.source).toContain('year = {2026}');
    expect(plan.source).not.toContain('month');
    expect(plan.source).toContain('note = {mine}');
  });

  it('is idempotent', () => {
    const once = sync(ENTRY, record());
    const twice = sync(once.source, record(), once.sidecar);
    expect(twice.source).toBe(once.source);
    expect(serializeSidecar(twice.sidecar)).toBe(serializeSidecar(once.sidecar));
  });
});

describe('author lists', () => {
  it('knows when arXiv completes a list that ends with "and others"', () => {
    expect(
      completesAuthorList('Benton, Joe and Shi, Y. and others', 'Benton, Joe and Shi, Yuyang and Doucet, Arnaud'),
    ).toBe(true);
    expect(completesAuthorList('Benton, Joe and others', 'Shi, Yuyang and Benton, Joe')).toBe(false);
    expect(completesAuthorList('Benton, Joe and Shi, Yuyang', 'Benton, Joe and Shi, Yuyang and Doucet, Arnaud')).toBe(
      false,
    );
  });

  it('renumbers annotations to follow the same people', () => {
    expect(
      remapAnnotation('1=equal; 2=equal', 'Benton, Joe and Shi, Yuyang', 'Daudel, K. and Benton, Joe and Shi, Yuyang'),
    ).toBe('2=equal; 3=equal');
    expect(remapAnnotation('2:family=x; 1=a', 'A, B and C, D', 'C, D and A, B')).toBe('1:family=x; 2=a');
  });
});

describe('promotion', () => {
  it.each([
    [
      'J. Mach. Learn. Res. 24(243):1-83, 2023',
      { type: 'article', journal: 'J. Mach. Learn. Res.', volume: '24', number: '243', pages: '1--83', year: '2023' },
    ],
    [
      'Phys. Rev. D 76, 013009 (2007)',
      { type: 'article', journal: 'Phys. Rev. D', volume: '76', pages: '013009', year: '2007' },
    ],
    [
      'Proc. 2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW), pp. 66-69',
      {
        type: 'inproceedings',
        booktitle:
          'Proc. 2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)',
        pages: '66--69',
        year: '2023',
      },
    ],
  ])('reads %s', (ref, expected) => {
    const p = promotionOf(ref);
    const { type, ...fields } = expected;
    expect(p.type).toBe(type);
    expect(Object.fromEntries([...p.fields].map(([k, v]) => [k, v.text]))).toEqual(fields);
  });
});

describe('lossless edits', () => {
  it('appends to a one-line entry in the file style, closing on its own line', () => {
    const src = '@misc{a,\n    title = "A",\n    year = 2020\n}\n@misc{b, eprint = {2501.00001}}\n';
    const store = parseStore(src);
    const b = store.entries[1]!.raw;
    const edit = appendFields(
      src,
      b,
      [['title', { text: 'B' }]],
      fileStyle(
        src,
        store.entries.map((e) => e.raw),
      ),
    );
    expect(applyEdits(src, [edit!])).toBe(
      '@misc{a,\n    title = "A",\n    year = 2020\n}\n@misc{b, eprint = {2501.00001},\n    title = "B"\n}\n',
    );
  });

  it('keeps CRLF line ends and aligned equals signs', () => {
    const src = '@misc{a,\r\n  title  = {A},\r\n  eprint = {1},\r\n}\r\n';
    const store = parseStore(src);
    const edit = appendFields(
      src,
      store.entries[0]!.raw,
      [['url', { text: 'u' }]],
      fileStyle(src, [store.entries[0]!.raw]),
    );
    expect(applyEdits(src, [edit!])).toBe('@misc{a,\r\n  title  = {A},\r\n  eprint = {1},\r\n  url    = {u},\r\n}\r\n');
  });

  it('removes a field with its line', () => {
    const src = '@misc{a,\n  title = {A},\n  month = jan,\n  year = 2020\n}\n';
    const entry = parseStore(src).entries[0]!.raw;
    expect(applyEdits(src, [removeField(src, entry, entry.fields[1]!)])).toBe(
      '@misc{a,\n  title = {A},\n  year = 2020\n}\n',
    );
  });
});

describe('citation keys', () => {
  it('are familyYEARfirstword, unique', () => {
    expect(
      citationKey(
        {
          firstAuthor: { family: 'Schaeffer', given: 'Rylan' },
          year: '2024',
          title: 'When Do Universal Image Jailbreaks Transfer?',
        },
        new Set(),
      ),
    ).toBe('schaeffer2024universal');
    expect(
      citationKey(
        { firstAuthor: { family: 'Hägele' }, year: '2025', title: '$\\omega$-Test: a tool' },
        new Set(['hagele2025test']),
      ),
    ).toBe('hagele2025testa');
  });
});
