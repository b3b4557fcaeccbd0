/**
 * Conventions in name lists that BibTeX's grammar misreads or that real stores write loosely, each read as the owner
 * meant it: a stray comma after a name (`Yang, Shusheng, and ...`), no space after the comma (`Hwu,Wen-mei`), a
 * hyphenated given name with a lower-case part (`Wen-mei Hwu`, not "mei Wen-Hwu"), ADS's line wrapping inside a
 * braced name (`{Hand` newline `ley}`), and biblatex's extended name format (`family=Zerda, given=Adam, prefix=de la`).
 */
import { describe, expect, it } from 'vitest';
import { itemsOf, render } from '../helpers.js';

function authorsOf(store: string): string[] {
  const item = itemsOf(store)[0];
  return (item?.author ?? []).map((n) =>
    [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family].filter(Boolean).join(' '),
  );
}

const entry = (author: string): string =>
  `@article{x, author = {${author}}, title = {T}, journal = {J}, year = 2024}\n`;

describe('names as real stores write them', () => {
  it('a stray comma after a name is dropped: the next person is still there', () => {
    expect(authorsOf(entry('Yang, Jihan and Yang, Shusheng, and Iyer, Adithya'))).toEqual([
      'Jihan Yang',
      'Shusheng Yang',
      'Adithya Iyer',
    ]);
    expect(authorsOf(entry('Torralba-Agell, Adrià, and Pérez-Solà, Cristina'))).toEqual([
      'Adrià Torralba-Agell',
      'Cristina Pérez-Solà',
    ]);
  });

  it('no space after the comma', () => {
    expect(authorsOf(entry('Hwu,Wen-mei and Benton,Joe'))).toEqual(['Wen-mei Hwu', 'Joe Benton']);
  });

  it('a hyphenated given name with a lower-case part is one given name', () => {
    expect(authorsOf(entry('Kun Wu and Wen-mei Hwu and Jean-Pierre Serre'))).toEqual([
      'Kun Wu',
      'Wen-mei Hwu',
      'Jean-Pierre Serre',
    ]);
    // a real particle is still a particle
    expect(authorsOf(entry('Ludwig van Beethoven'))).toEqual(['Ludwig van Beethoven']);
  });

  it("ADS's wrapped line inside a braced name joins the word", () => {
    expect(authorsOf(entry('{Thomson}, A. and {Hand\n        ley}, W.~J.'))).toEqual(['A. Thomson', 'W. J. Handley']);
  });

  it("biblatex's extended name format", () => {
    expect(authorsOf(entry('family=Zerda, given=Adam, prefix=de la, useprefix=true and Benton, Joe'))).toEqual([
      'Adam de la Zerda',
      'Joe Benton',
    ]);
  });

  it('the owner is found and set apart in each of them', () => {
    const html = render(itemsOf(entry('Smith, Ann, and Benton,Joe')), 'html');
    expect(html).toContain('<strong class="bibfolio-owner">Joe Benton</strong>');
    expect(html).toContain('Ann Smith');
  });
});
