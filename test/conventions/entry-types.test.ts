/**
 * Convention: entry types real stores use that BibTeX and biblatex do not define (`@mathesis`, `@bachelorthesis`, a
 * site's `@articlebold`), and biblatex's localisation keys as genres (`phdthesis`, `techreport`): each is printed as
 * the kind of work it is, never as the type's name. A report's number is an identifier (`2017-03`, not a range).
 */
import { describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import { readEntryType } from '../../src/conventions/entry-types.js';
import { itemsOf, render } from '../helpers.js';

const STORE = String.raw`@phdthesis{phd, author = {Benton, Joe}, title = {A Doctoral Thesis}, school = {Oxford}, year = 2024}
@mathesis{ma, author = {Benton, Joe}, title = {A Master Thesis}, school = {MIT}, year = 2020}
@mastersthesis{ms, author = {Benton, Joe}, title = {Another Master Thesis}, school = {MIT}, year = 2019}
@bachelorthesis{ba, author = {Benton, Joe}, title = {A Bachelor Thesis}, school = {TUM}, year = 2016}
@techreport{tr, author = {Benton, Joe}, title = {A Report}, institution = {CERN}, number = {2017-03}, year = 2017}
@articlebold{bold, author = {Benton, Joe}, title = {A Site Type}, journal = {Nature}, volume = {5}, year = 2017}
`;

describe('entry types as the work they are', () => {
  it('unknown types map to the nearest standard type by their fields', () => {
    const fields = (pairs: Record<string, string>) => new Map(Object.entries(pairs));
    expect(readEntryType('mathesis', fields({}))).toEqual({ type: 'mastersthesis' });
    expect(readEntryType('bachelorthesis', fields({}))).toEqual({ type: 'thesis', genre: "Bachelor's thesis" });
    expect(readEntryType('articlebold', fields({ journal: 'Nature' }))).toEqual({ type: 'article' });
    expect(readEntryType('conferencebold', fields({ booktitle: 'NeurIPS' }))).toEqual({ type: 'inproceedings' });
    expect(readEntryType('whatever', fields({ institution: 'CERN' }))).toEqual({ type: 'techreport' });
    expect(readEntryType('article', fields({}))).toEqual({ type: 'article' });
  });

  it('no type name is printed; theses and reports say what they are', () => {
    for (const style of ['cv', 'apa']) {
      const text = render(itemsOf(STORE), 'text', { style: loadStyle(style) });
      expect(text, style).not.toMatch(/phdthesis|mathesis|techreport|articlebold|bachelorthesis/i);
      expect(text, style).toContain('PhD thesis');
      expect(text, style).toContain('Master’s thesis');
      expect(text, style).toContain('Bachelor’s thesis');
    }
    const apa = render(itemsOf(STORE), 'text', { style: loadStyle('apa') });
    expect(apa).toMatch(/A Site Type\. Nature, 5/);
  });

  it("a report's number is printed as written, not as a range", () => {
    for (const style of ['cv', 'apa']) {
      const text = render(itemsOf(STORE), 'text', { style: loadStyle(style) });
      expect(text, style).toContain('2017-03');
      expect(text, style).not.toContain('2017–03');
    }
  });
});
