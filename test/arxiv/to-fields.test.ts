import { describe, expect, it } from 'vitest';
import { bibtexName, bibtexText, detectConvention, fieldsFromRecord } from '../../src/arxiv/to-fields.js';
import { NameChanges } from '../../src/model/name-changes.js';

describe('arXiv text as BibTeX', () => {
  it('escapes what would break LaTeX, outside math only', () => {
    expect(bibtexText('Things & Stuff: 50% of #1 with $x_1 & y$', 'utf8')).toBe(
      'Things \\& Stuff: 50\\% of \\#1 with $x_1 & y$',
    );
    expect(bibtexText('Already \\& escaped', 'utf8')).toBe('Already \\& escaped');
  });

  it('writes an unbalanced brace as its text command, so BibTeX (which ignores backslashes) still balances the value', () => {
    expect(bibtexText('A {broken title', 'utf8')).toBe('A \\textbraceleft{}broken title');
    expect(bibtexText('x\\}, note = {y', 'utf8')).toBe('x\\textbraceright{}, note = \\textbraceleft{}y');
  });

  it('writes accents as LaTeX in the latex convention, math included', () => {
    expect(bibtexText('Über Kamélia and $ω$Test', 'latex')).toBe('{\\"U}ber Kam{\\\'e}lia and $\\omega$Test');
    expect(bibtexText('Über', 'utf8')).toBe('Über');
  });

  it('writes names family first, with particles and protected commas', () => {
    expect(bibtexName({ family: 'Weij', given: 'Teun', 'non-dropping-particle': 'van der' }, 'utf8')).toBe(
      'van der Weij, Teun',
    );
    expect(bibtexName({ family: 'Hägele', given: 'Alexander' }, 'latex')).toBe('H{\\"a}gele, Alexander');
    expect(bibtexName({ literal: 'The ATLAS Collaboration' }, 'utf8')).toBe('{The ATLAS Collaboration}');
  });

  it('reads the store convention', () => {
    expect(detectConvention('@misc{a, author = {H{\\"a}gele, A.}}')).toBe('latex');
    expect(detectConvention('@misc{a, author = {Hägele, A.}}')).toBe('utf8');
    expect(detectConvention('@misc{a, url = {\\url{x}}, title = {Plain}}')).toBe('utf8');
    expect(detectConvention('')).toBe('utf8');
  });

  it('maps a record, with name changes applied', () => {
    const changes = new NameChanges([
      [
        { family: 'Smith', given: 'Jane' },
        { family: 'Doe', given: 'Jane' },
      ],
    ]);
    const fields = fieldsFromRecord(
      {
        id: '2501.00001',
        version: 2,
        title: 'T',
        summary: 'S',
        authors: [
          { name: 'Jane Smith', affiliations: [] },
          { name: 'Joe Benton', affiliations: [] },
        ],
        published: '2025-01-31T00:00:00Z',
        updated: '2025-02-01T00:00:00Z',
        categories: ['cs.LG'],
        primaryCategory: 'cs.LG',
        doi: '10.1/x',
        journalRef: 'J 1 (2025)',
      },
      { convention: 'utf8', abstract: true, nameChanges: changes },
    );
    expect(Object.fromEntries([...fields].map(([k, v]) => [k, v.bare ? `bare:${v.text}` : v.text]))).toEqual({
      title: 'T',
      author: 'Doe, Jane and Benton, Joe',
      year: '2025',
      month: 'bare:jan',
      eprint: '2501.00001',
      archiveprefix: 'arXiv',
      primaryclass: 'cs.LG',
      url: 'https://arxiv.org/abs/2501.00001',
      doi: '10.1/x',
      journal_ref: 'J 1 (2025)',
      abstract: 'S',
    });
  });
});
