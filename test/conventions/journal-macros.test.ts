/**
 * Convention: ADS writes the AAS journal macros (`journal = {\mnras}`, `{\apj}`, `{\aap}`, `{\pasa}`). A list shows
 * the journal's usual abbreviation; the export keeps the macro with one note, defines it with `\providecommand` for
 * documents that do not load aas_macros, or writes the abbreviation with `--journal-macros expand`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AAS_JOURNAL_MACROS, expandJournalMacros } from '../../src/conventions/journal-macros.js';
import { cli, itemsOf, render } from '../helpers.js';

const ADS = String.raw`@ARTICLE{2024MNRAS.533.4068A,
       author = {{Benton}, Joe and {Thomson}, Alec J.~M.},
        title = "{A survey of polarised sources}",
      journal = {\mnras},
         year = 2024,
       volume = {533},
        pages = {4068-4085},
}
@ARTICLE{2026A&A...710L..32M,
       author = {{Benton}, Joe},
        title = "{Faraday rotation}",
      journal = {\aap},
         year = 2026,
}
@ARTICLE{2025PASA...42..158D,
       author = {{Benton}, Joe},
        title = "{An Australian survey}",
      journal = {\pasa},
         year = 2025,
}
`;

describe('AAS journal macros', () => {
  it("the table holds aas_macros.sty's journals, each as the abbreviation it prints", () => {
    expect(AAS_JOURNAL_MACROS.mnras).toBe('MNRAS');
    expect(AAS_JOURNAL_MACROS.aap).toBe('A&A');
    expect(AAS_JOURNAL_MACROS.apjl).toBe('ApJL');
    expect(Object.keys(AAS_JOURNAL_MACROS).length).toBeGreaterThanOrEqual(50);
    expect(expandJournalMacros('\\aap')).toBe('A\\&A');
    expect(expandJournalMacros('\\unknownjournal')).toBe('\\unknownjournal');
  });

  it('a list shows the abbreviation as the venue', () => {
    const html = render(itemsOf(ADS), 'html');
    expect(html).toContain('MNRAS');
    expect(html).toContain('A&amp;A');
    expect(html).toContain('PASA');
    expect(html).not.toMatch(/\\mnras|\\aap|\\pasa/);
  });

  it('the export keeps the macro and says once what the document needs; expand writes the abbreviation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-aas-'));
    writeFileSync(join(dir, 'ads.bib'), ADS);
    const kept = await cli(['export-bib', '--bib', 'ads.bib', '--out', 'kept.bib'], dir);
    expect(kept.code, kept.stderr).toBe(0);
    const keptText = readFileSync(join(dir, 'kept.bib'), 'utf8');
    expect(keptText).toContain('journal = {\\mnras}');
    expect(keptText).toContain('journal = {\\aap}');
    expect(kept.stderr.match(/\[journal-macros\]/g)).toHaveLength(1);
    expect(kept.stderr).toMatch(
      /\\aap, \\mnras, \\pasa, as \\usepackage\{aas_macros\} and the AAS, MNRAS and A&A classes define them/,
    );
    // a document without aas_macros still compiles: the export defines them, without overriding a class's own
    expect(keptText).toContain(
      '@preamble{ "\\providecommand{\\aap}{A\\&A} \\providecommand{\\mnras}{MNRAS} \\providecommand{\\pasa}{PASA}" }',
    );
    expect(kept.stderr).not.toContain('copied-as-written');

    const expanded = await cli(
      ['export-bib', '--bib', 'ads.bib', '--out', 'expanded.bib', '--journal-macros', 'expand'],
      dir,
    );
    expect(expanded.code, expanded.stderr).toBe(0);
    const text = readFileSync(join(dir, 'expanded.bib'), 'utf8');
    expect(text).toContain('journal = {MNRAS}');
    expect(text).toContain('journal = {A\\&A}');
    expect(expanded.stderr).not.toContain('journal-macros');
  });
});
