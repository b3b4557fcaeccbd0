/**
 * Case mapping right in every language: which languages have case mappings of their own is asked of this Node's ICU
 * (src/csl/citeproc-patches.ts); here the answer is derived from every code point with a case mapping, for every
 * language the CSL locales name, and compared. Greek keeps its upper case without the tonos, as citeproc-js prints it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSpecialCasing, patchCaseMapping } from '../../src/csl/citeproc-patches.js';
import { load as citeproc } from '../../src/vendor/citeproc.js';
import { ROOT } from '../helpers.js';

/** Every code point with a case mapping of its own, in one string. */
function casedText(): string {
  const chars: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (ch.toUpperCase() !== ch || ch.toLowerCase() !== ch) chars.push(ch);
  }
  return chars.join(' ');
}

const LANGUAGES = readdirSync(join(ROOT, 'locales'))
  .map((f) => /^locales-(.+)\.xml$/.exec(f)?.[1])
  .filter((l): l is string => l !== undefined)
  .flatMap((tag) => [tag, tag.split('-')[0] as string]);

describe('case mapping in every language', () => {
  it('the languages with mappings of their own are exactly those ICU says, for every CSL locale', () => {
    const text = casedText();
    const special = new Set<string>();
    for (const lang of new Set(LANGUAGES)) {
      const own =
        text.toLocaleUpperCase(lang) !== text.toUpperCase() || text.toLocaleLowerCase(lang) !== text.toLowerCase();
      expect(hasSpecialCasing(lang), lang).toBe(own);
      if (own) special.add(lang.split('-')[0] as string);
    }
    // the ones SpecialCasing.txt names, and Greek (ICU), among the CSL locales
    expect([...special].sort()).toEqual(expect.arrayContaining(['el', 'lt', 'tr']));
  });

  it('Greek: upper case without the tonos, as plain citeproc-js prints it', () => {
    const CSL = citeproc() as unknown as {
      toLocaleUpperCase(this: unknown, s: string): string;
    };
    patchCaseMapping(citeproc());
    const state = { tmp: { lang_array: ['el-GR', 'el'] } };
    expect(CSL.toLocaleUpperCase.call(state, 'Η ιστορία της Ελλάδας')).toBe('Η ΙΣΤΟΡΙΑ ΤΗΣ ΕΛΛΑΔΑΣ');
    const english = { tmp: { lang_array: ['en-US', 'en'] } };
    expect(CSL.toLocaleUpperCase.call(english, 'ístanbul')).toBe('ÍSTANBUL');
  });
});
