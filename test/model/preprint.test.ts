/** The one preprint rule the lists, sync-arxiv and sync-venues share (src/model/preprint.ts). */
import { describe, expect, it } from 'vitest';
import { isPreprint, isPreprintVenue, writtenAsPreprint } from '../../src/model/preprint.js';

const f = (pairs: Record<string, string> = {}) => new Map(Object.entries(pairs));

describe('is this entry still a preprint', () => {
  it('a venue that only names a preprint server is no venue', () => {
    for (const v of ['arXiv preprint arXiv:2501.00001', 'arXiv', 'CoRR', 'ArXiv e-prints', '{arXiv}', 'Preprint'])
      expect(isPreprintVenue(v), v).toBe(true);
    for (const v of ['Nature', 'Journal of Machine Learning Research', 'Advances in Neural Information Processing'])
      expect(isPreprintVenue(v), v).toBe(false);
  });

  it('a preprint type with no venue, or a placeholder venue, is a preprint; a real venue is not', () => {
    expect(isPreprint('misc', f())).toBe(true);
    expect(isPreprint('article', f({ journal: 'arXiv preprint arXiv:2501.00001' }))).toBe(true);
    expect(isPreprint('article', f({ journal: 'CoRR' }))).toBe(true);
    expect(isPreprint('inproceedings', f({ booktitle: 'NeurIPS' }))).toBe(false);
    expect(isPreprint('article', f({ journal: 'Nature' }))).toBe(false);
    expect(isPreprint('book', f())).toBe(false);
  });

  it('an entry of a venueless type is written as a preprint even with a journal added by hand', () => {
    expect(writtenAsPreprint('misc', f({ journal: 'TMLR' }))).toBe(true);
    expect(writtenAsPreprint('article', f({ journal: 'TMLR' }))).toBe(false);
  });
});
