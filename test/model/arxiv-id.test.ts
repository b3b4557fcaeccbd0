import { describe, expect, it } from 'vitest';
import { arxivIdOfFields, findArxivIdInText, parseArxivId } from '../../src/model/arxiv-id.js';

describe('arXiv identifiers', () => {
  it.each([
    ['2506.15740', { id: '2506.15740' }],
    ['2506.15740v2', { id: '2506.15740', version: 2 }],
    ['arXiv:2506.15740', { id: '2506.15740' }],
    ['https://arxiv.org/abs/2506.15740', { id: '2506.15740' }],
    ['https://arxiv.org/pdf/2506.15740v3.pdf', { id: '2506.15740', version: 3 }],
    ['http://export.arxiv.org/abs/2506.15740v1', { id: '2506.15740', version: 1 }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['math.GT/0309136', { id: 'math.GT/0309136' }],
    ['10.48550/arXiv.2506.15740', { id: '2506.15740' }],
    ['https://doi.org/10.48550/arXiv.2506.15740', { id: '2506.15740' }],
    ['0704.0001', { id: '0704.0001' }],
  ])('reads %s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each(['abc', '2506.1574', '2513.15740', '1412.12345', '1501.1234', 'foo-th/9901001', 'hep-th/99010', ''])(
    'rejects the malformed %j',
    (input) => {
      expect(parseArxivId(input)).toBeUndefined();
    },
  );

  it('finds an identifier in a journal field', () => {
    expect(findArxivIdInText('arXiv preprint arXiv:2506.15740')).toEqual({ id: '2506.15740' });
  });

  it('finds the identifier of an entry in eprint, url, journal or DOI', () => {
    const f = (o: Record<string, string>) => arxivIdOfFields(new Map(Object.entries(o)));
    expect(f({ eprint: '2506.15740', archiveprefix: 'arXiv' })?.id).toBe('2506.15740');
    expect(f({ eprint: '2506.15740', eprinttype: 'arxiv' })?.id).toBe('2506.15740');
    expect(f({ eprint: '12345', eprinttype: 'pubmed' })).toBeUndefined();
    expect(f({ url: 'https://arxiv.org/abs/2410.21514' })?.id).toBe('2410.21514');
    expect(f({ journal: 'arXiv preprint arXiv:2210.01892' })?.id).toBe('2210.01892');
    expect(f({ doi: '10.48550/arXiv.2305.16860' })?.id).toBe('2305.16860');
  });
});
