/**
 * bibfolio's speed-ups of citeproc-js (src/csl/citeproc-patches.ts, citeproc-markup-patch.ts) change no output: a patched copy and a fresh,
 * unpatched copy of citeproc-js render the same bibliography, for styles that print names in every form (full,
 * initials, short, sorted), with and without given-name disambiguation, as published and as prepared for lists.
 * (The whole catalogue was compared the same way when the name-registry patch was written; see README, Performance.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { patchMarkupPass } from '../../src/csl/citeproc-markup-patch.js';
import { patchCaseMapping, patchNameRegistry, patchSortCompare } from '../../src/csl/citeproc-patches.js';
import { loadLocale } from '../../src/csl/locales.js';
import { prepareStyleForLists } from '../../src/csl/prepare-style.js';
import { loadStyle } from '../../src/csl/registry.js';
import type { Citeproc } from '../../src/vendor/citeproc.js';
import { EMBEDDED_STORE, itemsOf, SHARED } from '../helpers.js';
import { freshCiteproc as freshCopy } from './fresh-citeproc.js';

/** A copy of citeproc-js of its own, with bibfolio's patches or none. */
function freshCiteproc(patched: boolean): Citeproc {
  return freshCopy(patched ? [patchCaseMapping, patchNameRegistry, patchSortCompare, patchMarkupPass] : []);
}

const items = [
  ...itemsOf(readFileSync(EMBEDDED_STORE, 'utf8')),
  // people who share a family name, and initials that collide: what given-name disambiguation looks at
  ...itemsOf(`@article{a1, author = {Smith, John and Smith, Jane and de la Fontaine, Jean}, title = {One}, journal = {J}, year = 2020}
@article{a2, author = {Smith, J. and Doe, Jane and Smith, John}, title = {Two}, journal = {J}, year = 2020}
@book{a3, editor = {Doe, Janet}, author = {Smith, Jane Q.}, title = {Three}, publisher = {P}, year = 2021}`),
].map((item) => ({ ...item, custom: undefined }));

function bibliography(CSL: Citeproc, xml: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new CSL.Engine(
    { retrieveLocale: (lang: string) => loadLocale(lang), retrieveItem: (id: string) => byId.get(id) },
    xml,
    'en-US',
    true,
  );
  engine.updateItems(items.map((i) => i.id));
  const result = engine.makeBibliography();
  return result ? (result[1] as string[]) : [];
}

describe("bibfolio's citeproc-js patches", () => {
  const plain = freshCiteproc(false);
  const patched = freshCiteproc(true);

  it('patch a copy of their own', () => {
    expect((patched as unknown as { NameOutput: { prototype: object } }).NameOutput.prototype).toHaveProperty(
      '__bibfolioPatched',
      true,
    );
    expect((plain as unknown as { NameOutput: { prototype: object } }).NameOutput.prototype).not.toHaveProperty(
      '__bibfolioPatched',
    );
  });

  // packaged ones, then styles of the official repository when it is there (../shared)
  const catalogue = join(SHARED, 'fixtures/csl-styles');
  const styles: [string, () => string][] = [
    ...['apa', 'vancouver', 'harvard1', 'cv'].map((n): [string, () => string] => [n, () => loadStyle(n).xml]),
    ...['chicago-author-date', 'ieee', 'nature', 'modern-language-association', 'american-medical-association']
      .filter((n) => existsSync(join(catalogue, `${n}.csl`)))
      .map((n): [string, () => string] => [n, () => readFileSync(join(catalogue, `${n}.csl`), 'utf8')]),
  ];
  for (const [name, xmlOf] of styles) {
    it(`render ${name} as citeproc-js does, as published and as prepared for lists`, () => {
      const xml = xmlOf();
      for (const style of [xml, prepareStyleForLists(xml)]) {
        const expected = bibliography(plain, style);
        expect(expected.length).toBeGreaterThan(10);
        expect(bibliography(patched, style)).toEqual(expected);
      }
    }, 60_000);
  }
});

describe('the sort comparison built on first use', () => {
  it('orders strings as citeproc-js does, brackets, numbers, case and accents included', () => {
    type Compare = (a: string, b: string) => number;
    const compareOf = (CSL: Citeproc, locale: string): Compare => {
      const csl = CSL as unknown as { getSortCompare(this: unknown, locale: string): Compare };
      // the state citeproc-js passes: what its lower-casing reads
      const state = { tmp: { lang_array: [locale] }, opt: { lang: locale } };
      return csl.getSortCompare.call(state, locale);
    };
    const words = [
      '[x',
      'x',
      'Zeta',
      'zeta',
      'Émile',
      'Emile',
      'item 10',
      'item 9',
      '"Quoted"',
      'quoted',
      'Ørsted',
      'Öberg',
    ];
    for (const locale of ['en-US', 'de-DE', 'sv-SE']) {
      const plain = compareOf(freshCiteproc(false), locale);
      // building the patched comparison compares nothing (the original tries "[x" against "x" at once)
      const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
      const lazy = compareOf(freshCiteproc(true), locale);
      expect(localeCompare).not.toHaveBeenCalled();
      lazy('a', 'b');
      expect(localeCompare).toHaveBeenCalled();
      localeCompare.mockRestore();
      for (const a of words)
        for (const b of words) expect(Math.sign(lazy(a, b)), `${locale}: ${a} / ${b}`).toBe(Math.sign(plain(a, b)));
    }
  });
});
