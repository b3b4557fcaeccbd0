import { describe, expect, it } from 'vitest';
import { foldText, givenCompatible, OwnerMatcher } from '../../src/model/names.js';

describe('owner matching', () => {
  const joe = new OwnerMatcher([{ family: 'Benton', given: 'Joe' }]);

  it('matches the full name, initials with or without periods, and Vancouver-style initials', () => {
    for (const given of ['Joe', 'J.', 'J', 'joe']) expect(joe.matches({ family: 'Benton', given })).toBe(true);
  });

  it('never matches a namesake who shares the family name', () => {
    for (const given of ['Jane', 'A.', 'Joseph', 'Jo']) expect(joe.matches({ family: 'Benton', given })).toBe(false);
    expect(joe.matches({ family: 'Benton' })).toBe(false);
    expect(joe.matches({ family: 'Bentons', given: 'Joe' })).toBe(false);
  });

  it('matches configured variants: middle names, former names', () => {
    const owner = new OwnerMatcher([
      { family: 'Benton', given: 'Joe' },
      { family: 'Benton', given: 'Joseph Robert' },
      { family: 'Smith', given: 'Joe' },
    ]);
    expect(owner.matches({ family: 'Benton', given: 'Joseph R.' })).toBe(true);
    expect(owner.matches({ family: 'Benton', given: 'J. R.' })).toBe(true);
    expect(owner.matches({ family: 'Smith', given: 'J.' })).toBe(true);
    // a middle initial on one side only still matches; a different middle initial where both write one does not
    expect(owner.matches({ family: 'Benton', given: 'J. Q.' })).toBe(true);
    const robert = new OwnerMatcher([{ family: 'Benton', given: 'Joseph Robert' }]);
    expect(robert.matches({ family: 'Benton', given: 'J. Q.' })).toBe(false);
    expect(robert.matches({ family: 'Benton', given: 'J.' })).toBe(true);
  });

  it('folds accents, case, particles and special letters', () => {
    const kamelia = new OwnerMatcher([{ family: 'Daudel', given: 'Kamélia' }]);
    expect(kamelia.matches({ family: 'DAUDEL', given: 'Kamelia' })).toBe(true);
    expect(kamelia.matches({ family: 'Daudel', given: 'K.' })).toBe(true);
    const teun = new OwnerMatcher([{ family: 'Weij', given: 'Teun', 'non-dropping-particle': 'van der' }]);
    expect(teun.matches({ family: 'van der Weij', given: 'T.' })).toBe(true);
    // particles folded: a store that leaves the particle out still names him
    expect(teun.matches({ family: 'Weij', given: 'Teun' })).toBe(true);
    expect(teun.matches({ family: 'Weij', given: 'Anna' })).toBe(false);
    expect(foldText('Łukasz Øster Straße')).toBe('lukasz oster strasse');
  });

  it('compares hyphenated given names piece by piece', () => {
    expect(givenCompatible('J.-P.', 'Jean-Pierre')).toBe(true);
    expect(givenCompatible('JP', 'Jean-Pierre')).toBe(true);
    expect(givenCompatible('J.-M.', 'Jean-Pierre')).toBe(false);
    // initials written apart for a hyphenated name, either way round (a CV's "Bürkner, P. C.")
    expect(givenCompatible('P. C.', 'Paul-Christian')).toBe(true);
    expect(givenCompatible('Paul-Christian', 'P. C.')).toBe(true);
    expect(givenCompatible('P. M.', 'Paul-Christian')).toBe(false);
    expect(givenCompatible('P. C.', 'Paul-Christian Alexander')).toBe(true);
  });

  it('reads a romanised given name run together, spaced or hyphenated as one (a CV\'s "Liu, Jinguo" for Jin-Guo Liu)', () => {
    expect(givenCompatible('Jinguo', 'Jin-Guo')).toBe(true);
    expect(givenCompatible('Jin Guo', 'Jin-Guo')).toBe(true);
    expect(givenCompatible('JinGuo', 'Jin Guo')).toBe(true);
    expect(givenCompatible('Jinguo', 'Jin-Gao')).toBe(false);
    expect(givenCompatible('Jinguo', 'Jing')).toBe(false);
  });

  it('reads initials run together in capitals (PubMed\'s "Trevail, AM") as one initial per given name', () => {
    expect(givenCompatible('AM', 'Alice')).toBe(true);
    expect(givenCompatible('AM', 'Alice M.')).toBe(true);
    expect(givenCompatible('AM', 'Alice Mary')).toBe(true);
    expect(givenCompatible('AB', 'Alice M.')).toBe(false);
    expect(givenCompatible('BM', 'Alice')).toBe(false);
    expect(givenCompatible('JPS', 'Jean-Pierre Serre')).toBe(true);
    // a short given name in ordinary case is a name, not initials
    expect(givenCompatible('Al', 'Alice')).toBe(false);
  });

  it('matches a family name of several words read in part as given names ("Manuel Sanchez del Rio", a real CV\'s owner)', () => {
    // the owner as BibTeX reads "Manuel Sanchez del Rio"; the store's "Sanchez del Rio, Manuel"
    const owner = new OwnerMatcher([{ given: 'Manuel Sanchez', 'dropping-particle': 'del', family: 'Rio' }]);
    expect(owner.matches({ given: 'Manuel', family: 'Sanchez del Rio' })).toBe(true);
    expect(owner.matches({ given: 'M.', family: 'Sanchez del Rio' })).toBe(true);
    expect(owner.matches({ given: 'M.', family: 'Sánchez del Río' })).toBe(true);
    // and the other way round
    const store = new OwnerMatcher([{ given: 'Manuel', family: 'Sanchez del Rio' }]);
    expect(store.matches({ given: 'Manuel Sanchez', 'dropping-particle': 'del', family: 'Rio' })).toBe(true);
    // another person: a different given name, or a different word before the family name
    expect(owner.matches({ given: 'Ana', family: 'Sanchez del Rio' })).toBe(false);
    expect(owner.matches({ given: 'Manuel', family: 'Garcia del Rio' })).toBe(false);
  });

  it('finds the first author who is the owner', () => {
    expect(
      joe.indexIn([
        { family: 'Shi', given: 'Yuyang' },
        { family: 'Benton', given: 'J.' },
      ]),
    ).toBe(1);
    expect(joe.indexIn([{ family: 'Benton', given: 'Jane' }])).toBe(-1);
  });
});
