/**
 * Exports that bibtex and biber accept: name lists joined by commas (repaired where one reading is possible, refused
 * by name otherwise, flagged by check either way), key-like fields written verbatim, references to entries the
 * export leaves out, and the bibtex target's ASCII keys. The cases are the corpus files they come from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStore } from '../../src/check/check-store.js';
import { exportBib, type ExportTarget } from '../../src/export/export.js';
import { readNameList } from '../../src/model/name-list.js';
import { publicationsOf } from '../../src/pipeline.js';
import { parseStore } from '../../src/store/parse.js';

const CORPUS = join(import.meta.dirname, '../../../shared/fixtures/bib-real/bug-reports');
const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const corpusOther = (name: string) => readFileSync(join(CORPUS, '../other', name), 'utf8');

function exported(source: string, target: ExportTarget, keys?: string[]) {
  const pubs = publicationsOf(parseStore(source, 'store.bib'));
  return exportBib(pubs.store.entries, pubs.items, {
    target,
    selectedOnly: false,
    file: 'store.bib',
    ...(keys ? { keys } : {}),
  });
}
function checked(source: string) {
  const pubs = publicationsOf(parseStore(source, 'store.bib'));
  return checkStore({ file: 'store.bib', entries: pubs.store.entries, items: pubs.items });
}

describe('name lists joined by commas', () => {
  it.each([
    [
      'Ryszard Michalski, Jaime G. Carbonell, and Tom M. Mitchell',
      'Ryszard Michalski and Jaime G. Carbonell and Tom M. Mitchell',
    ],
    ['Miller, D., Firby, J. and Dean, T.', 'Miller, D. and Firby, J. and Dean, T.'],
    ['Ada Lovelace, Charles Babbage, Alan Turing', 'Ada Lovelace and Charles Babbage and Alan Turing'],
    ['Doe, Jane, and Roe, Richard', 'Doe, Jane and Roe, Richard'],
    // pasted from an APA reference: "&" before the last person, marks after initials, the reference's own period
    ['Renaud, A., Arenz, J., & Verdeli, H..', 'Renaud, A. and Arenz, J. and Verdeli, H.'],
    ['Kim, S.*, Lee, J.*, \\& Park, H.', 'Kim, S.* and Lee, J.* and Park, H.'],
    // every mark character name-marks.ts reads (model/mark-characters.ts): ‖ as well as * and †
    ['Kim, S.‖, Lee, J.†, \\& Park, H.', 'Kim, S.‖ and Lee, J.† and Park, H.'],
  ])('repairs "%s" as "%s"', (list, repaired) => {
    expect(readNameList(list).text).toBe(repaired);
  });

  it.each([
    'Doe, Jane and Roe, Richard',
    'von der Berg, Jan Peter and Smith, John',
    'Ford, Jr., Henry',
    'Jane Doe and {Barnes and Noble, Inc.}',
    '{Google, Inc.} and Jane Doe',
    // family first with a two-word family name: a given name that ends in an initial is no "Given Family"
    'De Bortoli, Samuel R. and Doe, Jane',
    // a family name's particle first: family first
    'De Bortoli, Chen Bo and Van der Weij, Teun Jan',
    // one word, whatever spaces its braces hold
    "Dvo{\\v r}{\\'a}k, Chen Bo",
    "Garc{\\'i}a M{\\'a}rquez, Gabriel J.",
  ])('leaves the good list "%s" alone', (list) => {
    expect(readNameList(list)).toEqual({ text: list, troubles: [] });
  });

  it('shows a name with too many commas and no one reading as bibtex reads it: nobody in it lost from the list', () => {
    // a real CV's poster: a comma forgotten after "J.", so the pairs cannot be told apart
    const pubs = publicationsOf(
      parseStore('@misc{hw, title = {T}, author = {Huang, D. and Wong, J. Mandavia, A., & Yang, L. H.}}', 's.bib'),
    );
    expect(pubs.items[0]?.author).toEqual([
      { family: 'Huang', given: 'D.' },
      { family: 'Wong', suffix: 'J. Mandavia', given: 'A., & Yang, L. H.' },
    ]);
  });

  it('flags two given-first people joined by a comma, but keeps them (BibTeX reads one person; so may the owner)', () => {
    const reading = readNameList('Ryszard Michalski, Jaime G. Carbonell and Tom Mitchell');
    expect(reading.text).toBe('Ryszard Michalski, Jaime G. Carbonell and Tom Mitchell');
    expect(reading.troubles).toEqual([
      { name: 'Ryszard Michalski, Jaime G. Carbonell', trouble: 'commas-between-people', fatal: false },
    ]);
  });

  it('873-inproceedings-miller85: export repairs it, says so, and check flags it with entry and line', () => {
    const source = corpus(
      'Some-bibtex-entries-quietly-discarded-on-import-from-bib-file-873-inproceedings-miller85.bib',
    );
    for (const target of ['bibtex', 'biblatex'] as const) {
      const result = exported(source, target);
      expect(result.count).toBe(1);
      expect(result.text).toContain('author = {Miller, D. and Firby, J. and Dean, T.}');
      expect(result.problems).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'name-list', key: 'miller85', line: 1 }),
      ]);
    }
    expect(checked(source)).toContainEqual(
      expect.objectContaining({
        code: 'name-list',
        key: 'miller85',
        line: 1,
        message: expect.stringMatching(
          /^author: "Miller, D., Firby, J." has more commas .* export-bib writes it as "Miller, D." and "Firby, J."/,
        ),
      }),
    );
  });

  it('873-book-lenat-1983c: the editors joined by commas are three editors', () => {
    const source = corpus('Some-bibtex-entries-quietly-discarded-on-import-from-bib-file-873-book-lenat-1983c.bib');
    const result = exported(source, 'bibtex');
    expect(result.text).toContain('editor = {Ryszard Michalski and Jaime G. Carbonell and Tom M. Mitchell}');
  });

  it('splits a name list where BibTeX does before reading its LaTeX: "Gla\\ss and Martin" is two people', () => {
    const source =
      '@article{g, author = {Michael Gla\\ss and Martin Lukasiewycz and J\\"urgen Teich}, title = {T}, journal = {J}, year = 2009}';
    expect(exported(source, 'bibtex').text).toContain(
      'author = {Michael Gla{\\ss} and Martin Lukasiewycz and J{\\"u}rgen Teich}',
    );
    expect(exported(source, 'biblatex').text).toContain(
      'author = {Michael Glaß and Martin Lukasiewycz and Jürgen Teich}',
    );
    const [item] = publicationsOf(parseStore(source, 'store.bib')).items;
    expect(item?.author?.map((n) => n.family)).toEqual(['Glaß', 'Lukasiewycz', 'Teich']);
  });

  it('refuses, by entry and field, a list with no single reading', () => {
    const result = exported(
      '@article{k, author = {Doe, Jane, Roe, Richard, Moe}, title = {T}, journal = {J}, year = {2020}}',
      'bibtex',
    );
    expect(result.count).toBe(0);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        key: 'k',
        message: expect.stringMatching(
          /^field "author" has "Doe, Jane, Roe, Richard, Moe", which has more commas .* fix it in the store/,
        ),
      }),
    ]);
  });
});

describe('key-like fields', () => {
  it('tex.origdate-1696: ids, crossref, xdata and keywords are written verbatim (no \\_ in a key)', () => {
    const source = `@book{parent_key, title = {Parent}, author = {Doe, Jane}, year = {2020}, publisher = {P}}
@xdata{shared_data, publisher = {P}}
@incollection{Titi_Gwiazda, ids = {Titi_Gwiazda_conservation_entropy}, crossref = {parent_key}, xdata = {shared_data},
  keywords = {energy_conservation, Schr{\\"o}dinger}, title = {Child}, author = {Roe, Rich}, year = {2020}}
`;
    const text = exported(source, 'biblatex').text;
    expect(text).toContain('ids = {Titi_Gwiazda_conservation_entropy}');
    expect(text).toContain('crossref = {parent_key}');
    expect(text).toContain('xdata = {shared_data}');
    expect(text).toContain('keywords = {energy_conservation, Schrödinger}');
    expect(corpus('tex.origdate-ignored-in-citekey-generation-1696.bib')).toContain(
      'Titi_Gwiazda_conservation_entropy',
    );
  });

  it('bibtex target: keeps crossref, and writes the cross-referenced entry after the ones that name it', () => {
    const source = `@proceedings{conf, title = {Conf}, year = {2020}, editor = {Doe, Jane}}
@inproceedings{paper, title = {Paper}, author = {Roe, Rich}, crossref = {conf}}
`;
    const text = exported(source, 'bibtex').text;
    expect(text).toContain('crossref = {conf}');
    expect(text.indexOf('@inproceedings{paper')).toBeLessThan(text.indexOf('@proceedings{conf'));
  });

  it('drops a crossref to an entry the export leaves out, with a note', () => {
    const source = `@proceedings{conf, title = {Conf}, year = {2020}, editor = {Doe, Jane}}
@inproceedings{paper, title = {Paper}, author = {Roe, Rich}, crossref = {conf}, year = {2020}}
`;
    const result = exported(source, 'biblatex', ['paper']);
    expect(result.text).not.toContain('crossref');
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'key-field',
        key: 'paper',
        message: expect.stringMatching(/crossref names "conf", which this export leaves out/),
      }),
    ]);
  });
});

describe('Cyrillic for the biblatex target', () => {
  it('primo_nlr_ru: stays UTF-8 (pdflatex sets it from UTF-8 with T2A, as \\cyrchar needs T2A too)', () => {
    const text = exported(corpusOther('primo_nlr_ru.bib'), 'biblatex').text;
    expect(text).toContain('title = {Как делать полезные заметки');
    expect(text).not.toContain('\\cyrchar');
  });
});

describe('the bibtex target is ASCII, keys included', () => {
  it('refuses a key it cannot write, by name, and writes it for biblatex', () => {
    const source = '@article{Жуков2020, title = {T}, author = {Doe, Jane}, journal = {J}, year = {2020}}';
    const bibtex = exported(source, 'bibtex');
    expect(bibtex.count).toBe(0);
    expect(bibtex.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unsafe-key',
        key: 'Жуков2020',
        message: expect.stringMatching(/non-ASCII/),
      }),
    ]);
    expect(exported(source, 'biblatex').text).toContain('@article{Жуков2020,');
  });
});
