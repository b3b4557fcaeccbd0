/**
 * Convention: `\noopsort{marez}` (and the other sorting macros) in a name or title, usually defined by the store's
 * own `@preamble{"\providecommand{\noopsort}[1]{}"}`. A list prints what the document prints (nothing for the
 * macro); the export keeps the preamble, or writes the definition when the store has none, so bibtex never stops
 * on an undefined command. Other text macros the preamble defines are read the same way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandMacros, preambleMacros } from '../../src/conventions/preamble-macros.js';
import { cli, itemsOf, render } from '../helpers.js';

const WITH_PREAMBLE = String.raw`@preamble{ "\providecommand{\noopsort}[1]{} \newcommand{\jpo}{J. Phys. Oceanogr.}" }
@article{deMarezEtAl2020,
  author = {{\noopsort{marez}}{de Marez}, Charly and Benton, Joe},
  title = {Oceanic Lee Waves},
  journal = {\jpo},
  year = {2020},
}
`;
const WITHOUT_PREAMBLE = String.raw`@article{sorted,
  author = {{\noopsort{marez}}{de Marez}, Charly and Benton, Joe},
  title = {Oceanic Lee Waves},
  journal = {J},
  year = {2020},
}
`;

describe('sorting macros and preamble definitions', () => {
  it("reads a preamble's text definitions, with arguments, and leaves anything else alone", () => {
    const macros = preambleMacros([
      String.raw`\providecommand{\noopsort}[1]{} \newcommand{\jpo}{J. Phys. Oceanogr.} \def\two#1#2{#2 #1} \newcommand{\evil}{\input{x}}`,
    ]);
    expect(expandMacros(String.raw`{\noopsort{marez}}{de Marez}`, macros)).toBe('{}{de Marez}');
    expect(expandMacros(String.raw`\jpo`, macros)).toBe('J. Phys. Oceanogr.');
    expect(expandMacros(String.raw`\two{a}{b}`, macros)).toBe('b a');
    expect(expandMacros(String.raw`\evil`, macros)).toBe(String.raw`\evil`);
  });

  it('a list shows "Charly de Marez", not the macro or its argument', () => {
    for (const store of [WITH_PREAMBLE, WITHOUT_PREAMBLE]) {
      const html = render(itemsOf(store), 'html');
      expect(html).toContain('Charly de Marez');
      expect(html).not.toMatch(/noopsort|marezde/);
    }
    expect(render(itemsOf(WITH_PREAMBLE), 'html')).toContain('J. Phys. Oceanogr.');
  });

  it("the export keeps the store's preamble, or defines \\noopsort itself, and passes the macros", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-noopsort-'));
    writeFileSync(join(dir, 'with.bib'), WITH_PREAMBLE);
    writeFileSync(join(dir, 'without.bib'), WITHOUT_PREAMBLE);
    const withRun = await cli(['export-bib', '--bib', 'with.bib', '--out', 'with-out.bib'], dir);
    expect(withRun.code, withRun.stderr).toBe(0);
    expect(withRun.stderr).not.toContain('copied-as-written');
    const withText = readFileSync(join(dir, 'with-out.bib'), 'utf8');
    expect(withText.match(/\\providecommand\{\\noopsort\}/g)).toHaveLength(1);
    expect(withText).toContain('{\\noopsort{marez}}{de Marez}');
    const withoutRun = await cli(['export-bib', '--bib', 'without.bib', '--out', 'without-out.bib'], dir);
    expect(withoutRun.code, withoutRun.stderr).toBe(0);
    expect(readFileSync(join(dir, 'without-out.bib'), 'utf8')).toContain(
      '@preamble{ "\\providecommand{\\noopsort}[1]{}" }',
    );
  });
});
