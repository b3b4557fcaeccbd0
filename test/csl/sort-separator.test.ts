/**
 * The command line's citeproc-js (its bundle, dist/bundles/citeproc.cjs) finds the separator of its sort keys when a
 * sort key first needs it, not when an engine is made (scripts/bundle.mjs): making an engine compares no strings by
 * locale, which would load ICU's collation data, and the separator it finds is plain citeproc-js's, for every locale
 * bibfolio ships and for a style that names its own sort locale. `npm run csl-suite` runs this copy of citeproc-js
 * through the whole CSL test suite.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { withBibfolioPatches } from '../../src/csl/citeproc.js';
import { loadLocale } from '../../src/csl/locales.js';
import type { Citeproc } from '../../src/vendor/citeproc.js';
import { ROOT } from '../helpers.js';
import { freshCiteproc } from './fresh-citeproc.js';

const BUNDLE = join(ROOT, 'dist/bundles/citeproc.cjs');

const style = (sortLocale?: string): string => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"${
  sortLocale ? ` default-locale-sort="${sortLocale}"` : ''
}>
  <info><title>t</title><id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`;

type Engine = { opt: { sort_sep: string } };

function engine(CSL: Citeproc, lang: string, sortLocale?: string): Engine {
  const sys = { retrieveLocale: (l: string) => loadLocale(l), retrieveItem: () => undefined };
  return new CSL.Engine(sys, style(sortLocale), lang, true) as unknown as Engine;
}

const shipped = readdirSync(join(ROOT, 'locales'))
  .filter((f) => /^locales-.+\.xml$/.test(f))
  .map((f) => f.replace(/^locales-|\.xml$/g, ''));

describe("citeproc-js's sort separator in the command line's bundle", () => {
  let bundled: Citeproc;
  const plain = freshCiteproc();
  beforeAll(() => {
    if (!existsSync(BUNDLE)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
    // as the command line runs it: with bibfolio's runtime patches (one makes citeproc-js's string comparison lazy too)
    bundled = withBibfolioPatches((createRequire(import.meta.url)(BUNDLE) as { load(): Citeproc }).load());
  });
  afterEach(() => vi.restoreAllMocks());

  it('is not found when an engine is made: no string is compared by locale', () => {
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    const made = engine(bundled, 'de-DE');
    expect(compare).not.toHaveBeenCalled();
    expect(made.opt.sort_sep).toBe('|');
    expect(compare).toHaveBeenCalledTimes(1);
    expect(compare.mock.calls[0]).toEqual(['daleb', 'de-DE']);
    // found once, then kept
    expect(made.opt.sort_sep).toBe('|');
    expect(compare).toHaveBeenCalledTimes(1);
  });

  it("is plain citeproc-js's in every locale bibfolio ships", () => {
    expect(shipped.length).toBeGreaterThan(60);
    const differ = shipped.filter((lang) => engine(bundled, lang).opt.sort_sep !== engine(plain, lang).opt.sort_sep);
    expect(differ).toEqual([]);
  });

  it("is plain citeproc-js's when the style names its own sort locale", () => {
    for (const sortLocale of ['tr-TR', 'ja-JP', 'sv-SE'])
      expect(engine(bundled, 'en-US', sortLocale).opt.sort_sep).toBe(engine(plain, 'en-US', sortLocale).opt.sort_sep);
  });

  it('keeps a separator that is set', () => {
    const made = engine(bundled, 'en-US');
    made.opt.sort_sep = '@';
    expect(made.opt.sort_sep).toBe('@');
    expect(Object.getOwnPropertyDescriptor(made.opt, 'sort_sep')).toMatchObject({ value: '@', writable: true });
  });
});
