import { describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import { selectAuthors } from '../../src/csl/authors.js';
import { itemsOf, render } from '../helpers.js';

function authorList(count: number, owner: number): string {
  return Array.from({ length: count }, (_, i) => (i === owner ? 'Benton, Joe' : `Author${i + 1}, A.`)).join(' and ');
}

describe('the author limit', () => {
  it('shows every name up to the limit', () => {
    expect(selectAuthors(10, 3, 10, false)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], etAl: false });
  });

  it('cuts after the limit when the owner is within it', () => {
    expect(selectAuthors(15, 1, 10, false)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], etAl: true });
  });

  it('shows the names up to the owner when the elision would hide two names or fewer', () => {
    // SHADE-Arena: 12 authors, the owner 12th
    expect(selectAuthors(12, 11, 10, false)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], etAl: false });
    expect(selectAuthors(20, 11, 10, false)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], etAl: true });
  });

  it('elides the middle and keeps the owner when the owner is far down the list', () => {
    expect(selectAuthors(50, 12, 10, false)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 'elision', 12], etAl: true });
    expect(selectAuthors(13, 12, 10, false)).toEqual({
      shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 'elision', 12],
      etAl: false,
    });
  });

  it('ends an incomplete list (and others) with et al., and 0 means no limit', () => {
    expect(selectAuthors(3, 0, 10, true).etAl).toBe(true);
    expect(selectAuthors(30, 29, 0, false)).toEqual({ shown: Array.from({ length: 30 }, (_, i) => i), etAl: false });
  });

  it('prints all 12 authors of SHADE-Arena', () => {
    const text = render(
      itemsOf(`@misc{k, title = {SHADE}, year = 2025, author = {${authorList(12, 11)}}}`),
      'markdown',
    );
    expect(text).toContain('A. Author1, A. Author2');
    expect(text).toContain('A. Author11, **Joe Benton**.');
    expect(text).not.toContain('et al');
  });

  it('shows the owner who is 13th of 50, in every style', () => {
    const items = itemsOf(`@article{k, title = {Big}, journal = {J}, year = 2025, author = {${authorList(50, 12)}}}`);
    expect(render(items, 'text')).toContain(
      'A. Author1, A. Author2, A. Author3, A. Author4, A. Author5, A. Author6, A. Author7, A. Author8, A. Author9, […], Joe Benton, et al.',
    );
    for (const [style, owner] of [
      ['apa', '<strong class="bibfolio-owner">Benton, J.</strong>, et al.'],
      ['vancouver', '<strong class="bibfolio-owner">Benton J</strong>, et al.'],
      ['harvard1', '<strong class="bibfolio-owner">Benton, J.</strong>, et al.'],
    ] as const) {
      const html = render(items, 'html', { style: loadStyle(style) });
      expect(html, style).toContain(`[…], ${owner}`);
      expect(html, style).not.toContain('Author10');
    }
  });

  it('respects --max-authors', () => {
    const items = itemsOf(`@misc{k, title = {T}, year = 2025, author = {${authorList(6, 0)}}}`);
    expect(render(items, 'text', { maxAuthors: 3 })).toContain('Joe Benton, A. Author2, A. Author3, et al.');
    expect(render(items, 'text', { maxAuthors: 0 })).toContain('A. Author5, A. Author6.');
  });
});
