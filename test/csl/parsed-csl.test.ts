/**
 * Styles and locales handed to citeproc-js parsed (csl/parsed-csl.ts): the JSON is what citeproc-js's XML parser
 * makes of the XML, for every shipped locale and every bundled style as lists use it; an engine built from it prints
 * what an engine built from the XML prints; the parsed form is kept in the session's cache folder and read back, a
 * damaged file is parsed again; and the build ships the parsed style and locale a first run needs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citeproc } from '../../src/csl/citeproc.js';
import { loadLocale, localeNames } from '../../src/csl/locales.js';
import { BUILD_CSL_JSON_DIR, keepParsedCslIn, keptFact, parsedCsl } from '../../src/csl/parsed-csl.js';
import { ListEngine } from '../../src/csl/engine.js';
import { prepareStyleForLists } from '../../src/csl/prepare-style.js';
import { loadStyle, styleNames } from '../../src/csl/registry.js';
import { citeprocVersion } from '../../src/csl/citeproc-version.js';
import { VERSION } from '../../src/version.js';
import { digest } from '../../src/digest.js';
import { embeddedItems, ROOT } from '../helpers.js';

afterEach(() => keepParsedCslIn(undefined));

/** The file a parsed style or locale is kept in: by citeproc-js's and bibfolio's versions and the XML. */
const fileName = (xml: string, kind = 'xml'): string =>
  `${kind}-${digest(`${citeprocVersion()}\u0000${VERSION}\u0000${kind}\u0000${xml}`)}.json`;

const listStyle = (name: string, disambiguate = false): string =>
  prepareStyleForLists(loadStyle(name).xml, { disambiguate });

/** The embedded store's bibliography in plain citeproc-js HTML, from a style and locales given as XML or as JSON. */
function bibliography(style: string, lang: string, form: (xml: string) => string): string {
  const items = new Map(embeddedItems().map((item) => [item.id, item]));
  const sys = {
    retrieveLocale: (wanted: string): string => {
      try {
        return form(loadLocale(wanted));
      } catch {
        return form(loadLocale('en-US'));
      }
    },
    retrieveItem: (id: string): unknown => items.get(id),
  };
  const engine = new (citeproc().Engine)(sys, form(style), lang, true);
  engine.setOutputFormat('html');
  engine.updateItems([...items.keys()]);
  const result = engine.makeBibliography();
  if (!result) throw new Error('no bibliography');
  return result[1].join('');
}

describe('styles and locales parsed for citeproc-js', () => {
  it('is the JSON of what citeproc-js parses, for every shipped locale and bundled style', () => {
    const xmls = [
      ...localeNames().map((name) => loadLocale(name)),
      ...styleNames().flatMap((name) => [listStyle(name), listStyle(name, true)]),
    ];
    expect(xmls.length).toBeGreaterThan(100);
    for (const xml of xmls) expect(JSON.parse(parsedCsl(xml))).toEqual(citeproc().parseXml(xml));
  });

  it('renders what the XML renders', () => {
    for (const [style, lang] of [
      ['cv', 'en-US'],
      ['apa', 'en-US'],
      ['ieee', 'en-GB'],
      ['chicago-author-date', 'de-DE'],
      ['nature', 'fr-FR'],
      ['modern-language-association', 'el-GR'],
    ] as const) {
      const xml = listStyle(style);
      const fromXml = bibliography(xml, lang, (x) => x);
      expect(fromXml).toContain('Benton');
      expect(bibliography(xml, lang, parsedCsl)).toBe(fromXml);
    }
  });

  it('keeps the parsed form in the cache folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bibfolio-parsed-csl-')), 'csl-json');
    keepParsedCslIn(dir);
    // a style no other test parsed: this process has not memoised it
    const xml = listStyle('cv').replace('</style>', '<!-- parsed-csl test --></style>');
    const json = parsedCsl(xml);
    expect(readdirSync(dir)).toEqual([fileName(xml)]);
    expect(readFileSync(join(dir, fileName(xml)), 'utf8')).toBe(json);
  });

  it('reads a kept parsed form, and parses the XML again when the file is damaged', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bibfolio-parsed-csl-')), 'csl-json');
    keepParsedCslIn(dir);
    mkdirSync(dir, { recursive: true });
    // a file marked as no parse would make it: what comes back was read from the folder
    const kept = listStyle('apa').replace('</style>', '<!-- parsed-csl kept --></style>');
    const marked = JSON.stringify({ ...(citeproc().parseXml(kept) as object), marked: 1 });
    writeFileSync(join(dir, fileName(kept)), marked);
    expect(parsedCsl(kept)).toBe(marked);
    const damaged = listStyle('apa').replace('</style>', '<!-- parsed-csl damaged --></style>');
    writeFileSync(join(dir, fileName(damaged)), '{"name": "style", "attrs"');
    expect(JSON.parse(parsedCsl(damaged))).toEqual(citeproc().parseXml(damaged));
  });

  it('ships the parsed en-US locale and cv list style with the build', () => {
    expect(BUILD_CSL_JSON_DIR).toBe(join(ROOT, 'dist', 'csl-json'));
    const shipped = (xml: string): boolean => existsSync(join(BUILD_CSL_JSON_DIR, fileName(xml)));
    expect(shipped(loadLocale('en-US'))).toBe(true);
    expect(shipped(listStyle('cv'))).toBe(true);
    expect(existsSync(join(BUILD_CSL_JSON_DIR, fileName(`en-US\u0000${listStyle('cv')}`, 'name-layout')))).toBe(true);
  });

  it('keeps the name layout learnt from a style and locale, the same as learnt afresh', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bibfolio-parsed-csl-')), 'csl-json');
    for (const [style, lang] of [
      ...styleNames().map((name) => [name, 'en-US'] as const),
      ['apa', 'tr-TR'],
      ['ieee', 'de-DE'],
      ['cv', 'fr-FR'],
    ] as const) {
      keepParsedCslIn(undefined);
      const learnt = new ListEngine(loadStyle(style), lang).nameLayout();
      keepParsedCslIn(dir);
      new ListEngine(loadStyle(style), lang).nameLayout(); // written
      const read = new ListEngine(loadStyle(style), lang).nameLayout();
      expect(JSON.stringify(read)).toBe(JSON.stringify(learnt));
      // kept in the cache folder, unless the build ships it (cv in en-US)
      const name = fileName(`${lang}\u0000${listStyle(style)}`, 'name-layout');
      expect(existsSync(join(dir, name)) || existsSync(join(BUILD_CSL_JSON_DIR, name))).toBe(true);
    }
    // what is kept is what is read: a marked file comes back
    const marked = keptFact('name-layout', 'a key no style has', () => ({ first: [], rest: [], marked: true }));
    expect(keptFact('name-layout', 'a key no style has', () => ({ first: [], rest: [] }))).toEqual(marked);
  });
});
