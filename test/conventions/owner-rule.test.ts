/**
 * The owner rule for a researcher's own list: family names agree (accents, case, particles, hyphen and space folded;
 * the whole name or its last word), given names agree word by word as far as both go, so a middle name or initial on
 * one side only still matches, and a different first initial never does. One-word and CJK names match as written.
 */
import { describe, expect, it } from 'vitest';
import { toPersonName } from '../../src/model/config.js';
import { OwnerMatcher } from '../../src/model/names.js';
import { itemsOf, render } from '../helpers.js';

const owner = (...names: string[]) => new OwnerMatcher(names.map(toPersonName));

describe('the owner rule', () => {
  it('a middle name or initial on one side only still matches', () => {
    const will = owner('Will Handley');
    expect(will.matches({ family: 'Handley', given: 'W. J.' })).toBe(true);
    expect(owner('Will J. Handley').matches({ family: 'Handley', given: 'Will' })).toBe(true);
    expect(owner('Alec J. M. Thomson').matches({ family: 'Thomson', given: 'A.' })).toBe(true);
  });

  it('a different first initial never matches', () => {
    expect(owner('Joe Benton').matches({ family: 'Benton', given: 'Jane' })).toBe(false);
    expect(owner('Joe Benton').matches({ family: 'Benton', given: 'A. J.' })).toBe(false);
    expect(owner('Will Handley').matches({ family: 'Handley', given: 'J. W.' })).toBe(false);
  });

  it('a family name of two words matches its last word, and hyphen and space alike', () => {
    const fidel = owner('Fidel I. Schaposnik Massolo');
    expect(fidel.matches({ family: 'Schaposnik Massolo', given: 'Fidel I.' })).toBe(true);
    expect(fidel.matches({ family: 'Massolo', given: 'F.' })).toBe(true);
    expect(owner('Adrià Torralba-Agell').matches({ family: 'Torralba Agell', given: 'Adria' })).toBe(true);
    expect(owner('Adrià Torralba-Agell').matches({ family: 'Agell', given: 'Adrià' })).toBe(true);
  });

  it('one-word and CJK names match the same name written alone, and nothing else', () => {
    const fu = owner('Naifeng Fu', '付乃锋');
    expect(fu.matches({ family: '付乃锋' })).toBe(true);
    expect(fu.matches({ family: '窦世标' })).toBe(false);
    expect(fu.matches({ family: 'Fu', given: 'N. F.' })).toBe(true);
    expect(owner('Benton').matches({ family: 'Benton', given: 'Joe' })).toBe(false);
  });

  it('the CJK owner is set apart in a list', () => {
    const store =
      '@article{cjk, author = {窦世标 and 付乃锋 and 涂宏京 and others}, title = {电离层}, journal = {地球物理学报}, year = 2023}\n';
    const html = render(itemsOf(store), 'html', { owner: owner('Naifeng Fu', '付乃锋') });
    expect(html).toContain('<strong class="bibfolio-owner">付乃锋</strong>');
  });
});
