/**
 * Skipping citeproc-js's inline-markup pass for text without markup (src/csl/citeproc-markup-patch.ts) changes no
 * output: a copy with only this patch and a plain copy render the same bibliographies, for titles and names full of
 * the markup and quotes the pass handles, in locales whose quote terms differ (straight, curly, guillemets, low-9,
 * corner brackets), with styles that put titles in quotes and styles that do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markupSignal, patchMarkupPass } from '../../src/csl/citeproc-markup-patch.js';
import { loadLocale } from '../../src/csl/locales.js';
import { prepareStyleForLists } from '../../src/csl/prepare-style.js';
import { loadStyle } from '../../src/csl/registry.js';
import type { Citeproc } from '../../src/vendor/citeproc.js';
import { SHARED } from '../helpers.js';
import { freshCiteproc } from './fresh-citeproc.js';

const TITLES = [
  'A plain title without any markup',
  'The <i>Drosophila</i> genome and <b>bold</b> claims',
  'On <span class="nocase">iPhone</span> apps and <sc>Small Caps</sc>',
  'Water: H<sub>2</sub>O and E = mc<sup>2</sup>',
  'What "quoted" words mean, and \'single\' ones',
  'Nested "outer \'inner\' quote" text',
  'Don’t stop: the author’s apostrophe',
  "It's O'Brien's 'twas era",
  'Une « citation » française et „deutsche“ Zitate',
  '「日本語」の題名と『二重』',
  'An unbalanced " quote and a stray </i> tag',
  '<span class="nodecor">No decoration</span> here',
];

const NAMES = [
  { family: 'Benton', given: 'Joe' },
  { family: "O'Brien", given: 'Máire' },
  { family: 'D’Alembert', given: 'Jean' },
  { family: '<sup>Daudel\uE100</sup>', given: '<sup>Kamélia</sup>' },
  { family: 'van der Berg', given: 'Anna' },
  { literal: 'The "Quoted" Consortium' },
];

const items = TITLES.map((title, i) => ({
  id: `item${i}`,
  type: i % 3 === 0 ? 'article-journal' : i % 3 === 1 ? 'book' : 'chapter',
  title,
  'container-title': i % 2 ? `Journal of "Things" ${i}` : `Proceedings of <i>Stuff</i> ${i}`,
  publisher: i % 2 ? 'Publisher’s House' : 'Plain Press',
  author: [NAMES[i % NAMES.length], NAMES[(i + 1) % NAMES.length], NAMES[(i + 3) % NAMES.length]],
  issued: { 'date-parts': [[2000 + i, (i % 12) + 1]] },
  volume: String(i + 1),
  page: `${i * 10 + 1}-${i * 10 + 9}`,
}));

function bibliography(CSL: Citeproc, xml: string, lang: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new CSL.Engine(
    { retrieveLocale: (l: string) => loadLocale(l), retrieveItem: (id: string) => byId.get(id) },
    xml,
    lang,
    true,
  );
  engine.updateItems(items.map((i) => i.id));
  const result = engine.makeBibliography();
  return result ? (result[1] as string[]) : [];
}

describe("skipping citeproc-js's markup pass for text without markup", () => {
  const plain = freshCiteproc();
  const patched = freshCiteproc([patchMarkupPass]);
  const catalogue = join(SHARED, 'fixtures/csl-styles');
  const styles: [string, () => string][] = [
    ...['apa', 'cv'].map((n): [string, () => string] => [n, () => loadStyle(n).xml]),
    ...['chicago-author-date', 'ieee', 'modern-language-association', 'nature']
      .filter((n) => existsSync(join(catalogue, `${n}.csl`)))
      .map((n): [string, () => string] => [n, () => readFileSync(join(catalogue, `${n}.csl`), 'utf8')]),
  ];
  for (const [name, xmlOf] of styles) {
    it(`renders ${name} as plain citeproc-js does in four locales`, () => {
      const xml = xmlOf();
      for (const lang of ['en-US', 'fr-FR', 'de-DE', 'ja-JP']) {
        for (const style of [xml, prepareStyleForLists(xml)]) {
          const expected = bibliography(plain, style, lang);
          expect(expected.length).toBe(items.length);
          expect(bibliography(patched, style, lang), `${name} ${lang}`).toEqual(expected);
        }
      }
    }, 60_000);
  }

  it('patches a copy once, and only that copy', () => {
    const util = (CSL: Citeproc) => (CSL as unknown as { Util: { FlipFlopper: object } }).Util.FlipFlopper;
    expect(util(patched)).toHaveProperty('__bibfolioPatched', true);
    expect(util(plain)).not.toHaveProperty('__bibfolioPatched');
    const before = util(patched);
    patchMarkupPass(patched);
    expect(util(patched)).toBe(before);
  });

  it("looks for markup, straight quotes, the apostrophe and every character of the locale's quote terms", () => {
    const terms: Record<string, string> = {
      'open-quote': '«\u00a0',
      'close-quote': '\u00a0»',
      'open-inner-quote': '‹',
      'close-inner-quote': '›',
    };
    const signal = markupSignal({ getTerm: (t) => terms[t] });
    for (const text of ['<i>', '"', "'", '’', '«', '»', '‹', '›', 'a\u00a0b', 'x<y'])
      expect(signal.test(text), text).toBe(true);
    for (const text of ['Plain words', 'Müller, Zoë', '2024', '“curly”', '', '日本語'])
      expect(signal.test(text), text).toBe(false);
    // a locale without quote terms: the fixed characters only
    expect(markupSignal({ getTerm: () => undefined }).test('“')).toBe(false);
  });

  it('still passes text with markup to the original pass', () => {
    const rendered = bibliography(patched, loadStyle('apa').xml, 'en-US').join('\n');
    expect(rendered).toContain('<i>Drosophila</i>');
    expect(rendered).toContain('H<sub>2</sub>O');
  });
});
