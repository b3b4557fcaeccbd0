/**
 * New entries get keys in the store's own pattern: detected from its keys (each case below is the shape of a real
 * researcher's store), or set in the config (`keyPattern`); Google Scholar's `benton2024denoising` otherwise.
 */
import { describe, expect, it } from 'vitest';
import { parseStore } from '../../src/store/parse.js';
import { citationKey, detectKeyPattern, keyFromPattern, keyPatternOf } from '../../src/sync/keys.js';

const entry = (key: string, author: string, year: string, title: string) =>
  `@article{${key},\n  author = {${author}},\n  title = {${title}},\n  year = {${year}}\n}\n`;

const parts = {
  firstAuthor: { family: 'De Bortoli', given: 'Valentin' },
  year: '2024',
  title: 'From Denoising Diffusions to Denoising {M}arkov Models',
};

describe('key patterns', () => {
  it('fill each token from the first author, the year and the title', () => {
    expect(keyFromPattern('[auth][year][word]', parts)).toBe('debortoli2024denoising');
    expect(keyFromPattern('[Auth]:[year]', parts)).toBe('Debortoli:2024');
    expect(keyFromPattern('[auth]_[word]_[year]', parts)).toBe('debortoli_denoising_2024');
    expect(keyFromPattern('[auth][Words3][year]', parts)).toBe('debortoliDenoisingDiffusionsDenoising2024');
    expect(keyFromPattern('[Auth][yy]', parts)).toBe('Debortoli24');
  });

  it('are made unique whatever the case of the keys taken', () => {
    expect(citationKey(parts, new Set(['Debortoli:2024']), '[Auth]:[year]')).toBe('Debortoli:2024a');
  });
});

describe("detecting a store's pattern", () => {
  it("Google Scholar's keys (with a disambiguating letter)", () => {
    const store = parseStore(
      entry('benton2024nearly', 'Benton, Joe and Doucet, Arnaud', '2024', 'Nearly $d$-Linear Convergence Bounds') +
        entry('benton2023errora', 'Joe Benton', '2023', 'Error Bounds for Flow Matching Methods') +
        entry('shi2023diffusion', 'Yuyang Shi', '2023', 'Diffusion {S}chr{\\"o}dinger Bridge Matching'),
    );
    expect(keyPatternOf(store)).toBe('[auth][year][word]');
  });

  it('Author:Year keys, the majority of a store that also has a few of another form', () => {
    const store = parseStore(
      entry('Ferreira:2020', 'Ferreira, Roux-Cil', '2020', 'Sampling bias') +
        entry('Almog:2020', 'Almog, Y.', '2020', 'Phylodynamics') +
        entry('Avino:2017a', 'Avino, M.', '2017', 'Tropism testing') +
        entry('mumby2024hiv', 'Mumby, M. J.', '2024', 'HIV and its hosts'),
    );
    expect(keyPatternOf(store)).toBe('[Auth]:[year]');
  });

  it("Zotero's author_word_year, a particle and an accent read as BibTeX reads them", () => {
    const store = parseStore(
      entry('maaten_visualizing_2008', 'van der Maaten, Laurens', '2008', 'Visualizing Data using t-SNE') +
        entry('hinton_reducing_2006', 'Geoffrey E. Hinton', '2006', 'Reducing the Dimensionality of Data') +
        entry('muller_introduction_2001', 'M{\\"u}ller, K.-R.', '2001', 'An Introduction to Kernel-Based Learning'),
    );
    expect(keyPatternOf(store)).toBe('[auth]_[word]_[year]');
  });

  it('keys of no known pattern (ADS bibcodes, hand-made names): the default', () => {
    const store = parseStore(
      entry('2026arXiv260631440K', 'Kim, A.', '2026', 'A Survey') +
        entry('phdthesisjx', 'Xu, Junshen', '2024', 'Thesis') +
        entry('td-grpc', 'Nguyen, Khai', '2025', 'Control'),
    );
    expect(detectKeyPattern(store.entries.map((e) => ({ key: e.key })))).toBeUndefined();
    expect(keyPatternOf(store)).toBe('[auth][year][word]');
  });

  it('a configured pattern wins over the detected one', () => {
    const store = parseStore(entry('benton2024nearly', 'Benton, Joe', '2024', 'Nearly Linear'));
    expect(keyPatternOf(store, '[Auth][year]')).toBe('[Auth][year]');
  });
});
