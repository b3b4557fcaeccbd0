import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../src/csl/types.js';
import { exportBib, type ExportTarget } from '../../src/export/export.js';
import { latexAccentsToUnicode } from '../../src/latex/accents.js';
import { safeText } from '../../src/latex/latex.js';
import { publicationsOf } from '../../src/pipeline.js';
import { parseStore } from '../../src/store/parse.js';
import { EMBEDDED_STORE, JOE } from '../helpers.js';

function exported(source: string, target: ExportTarget) {
  const pubs = publicationsOf(parseStore(source, 'store.bib'));
  return exportBib(pubs.store.entries, pubs.items, { target, owner: JOE, selectedOnly: false, file: 'store.bib' });
}

/**
 * The CSL-JSON a list is rendered from, without bibfolio's bookkeeping (line, position, source type). The bibtex
 * target cannot hold keywords nor annotations; the biblatex target adds the owner's `highlight`.
 */
function comparable(items: readonly CslItem[], target: ExportTarget): unknown[] {
  return items.map((item) => {
    const { custom, keyword: _keyword, ...csl } = item as CslItem & { keyword?: unknown };
    const { line: _l, index: _i, bibType: _b, selected, authorAnnotations, ...rest } = custom;
    const annotations = Object.fromEntries(
      Object.entries(authorAnnotations)
        .map(([n, names]) => [n, names.filter((a) => a !== 'highlight')] as const)
        .filter(([, names]) => names.length > 0),
    );
    return { ...csl, ...(target === 'bibtex' ? {} : { selected, annotations }), custom: rest };
  });
}

const MANY_LANGUAGES = [
  ['Müller, Jürgen', 'Über die Größe'],
  ['Núñez, Iñaki', 'Señales y años'],
  ['François, Renée', 'Étude à la française'],
  ['Kaiser, Łukasz', 'Źródła wiedzy'],
  ['Dvořák, Šimon', 'Příliš žluťoučký kůň'],
  ['Işık, Çağla', 'Türkçe ığdır'],
  ['Ștefan, Țăran', 'Științe și tehnică'],
  ['Þórsson, Ævar', 'Íslenskur þáttur'],
  ['Øster, Åse', 'Blåbærsyltetøy'],
  ['Nguyễn, Thị', 'Tiếng Việt có dấu'],
  ['Schrödinger, Erwin and Gödel, Kurt', 'Quantenmechanik und Logik'],
];

describe('export-bib round trip', () => {
  it.each(['bibtex', 'biblatex'] as const)(
    '%s: the embedded store exports and reads back to the same CSL-JSON',
    (target) => {
      const source = readFileSync(EMBEDDED_STORE, 'utf8');
      const result = exported(source, target);
      expect(result.problems).toEqual([]);
      expect(result.count).toBe(16);
      const before = publicationsOf(parseStore(source)).items;
      const after = publicationsOf(parseStore(result.text)).items;
      expect(comparable(after, target)).toEqual(comparable(before, target));
    },
  );

  it.each(['bibtex', 'biblatex'] as const)(
    '%s: a store with accents from many languages reads back the same',
    (target) => {
      const source = MANY_LANGUAGES.map(
        ([author, title], i) =>
          `@article{k${i},\n  author = {${author}},\n  title = {${title}},\n  journal = {Revue},\n  year = {2020}\n}\n`,
      ).join('\n');
      const result = exported(source, target);
      expect(result.problems).toEqual([]);
      if (target === 'bibtex') expect(result.text).toMatch(/^[\x00-\x7f]*$/);
      expect(comparable(publicationsOf(parseStore(result.text)).items, target)).toEqual(
        comparable(publicationsOf(parseStore(source)).items, target),
      );
    },
  );
});

describe('the bibtex target', () => {
  const text = exported(readFileSync(EMBEDDED_STORE, 'utf8'), 'bibtex').text;

  it('is pure ASCII with accents as LaTeX, capitals protected and months as macros', () => {
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(text).toContain("Daudel, Kam{\\'e}lia");
    expect(text).toContain('H{\\"a}gele, Alexander');
    expect(text).toContain("Eyzaguirre, Crist{\\'o}bal");
    expect(text).toContain('title = {{SHADE-Arena}: Evaluating Sabotage and Monitoring in {LLM} Agents}');
    expect(text).toContain('booktitle = {{NeurIPS} 2024 Workshop');
    expect(text).toContain('{Markov}');
    expect(text).toContain('month = feb');
  });

  it('writes preprints so that every style prints the arXiv identifier, and leaves biblatex-only fields out', () => {
    expect(text).toContain(
      '@article{kutasov2025shade,\n  title = {{SHADE-Arena}: Evaluating Sabotage and Monitoring in {LLM} Agents},\n  author = {',
    );
    expect(text).toContain('journal = {arXiv preprint arXiv:2506.15740}');
    expect(text).not.toMatch(/author\+an|keywords|selected|eprinttype|journaltitle|date =/);
  });

  it("writes a thesis with no school as a misc that says what it is (plain.bst: 'empty school'; a real site's course essay)", () => {
    const source =
      '@thesis{e, title = {Aggregate Nulls}, author = {Huang, Minxing}, year = {2026}, type = {course essay}}';
    const out = exported(source, 'bibtex').text;
    expect(out).toContain('@misc{e,');
    expect(out).toContain('howpublished = {course essay}');
    expect(out).not.toContain('type =');
    const withSchool = exported(`${source.slice(0, -1)}, school = {LSE}}`, 'bibtex').text;
    expect(withSchool).toContain('@phdthesis{e,');
  });

  it("writes al-folio's @award with a venue and no author as a misc that says the venue (plain.bst: 'empty author')", () => {
    const award = '@award{a, title = {2021 Outstanding Reviewers}, journal = {Optica}, year = {2021}}';
    const out = exported(award, 'bibtex').text;
    expect(out).toContain('@misc{a,');
    expect(out).toContain('howpublished = {Optica}');
    expect(out).not.toContain('journal =');
    // with an author, or written as an article (an unsigned editorial), it stays what it is read as
    expect(exported(award.replace('year', 'author = {Guo, Yukun}, year'), 'bibtex').text).toContain('@article{a,');
    expect(exported(award.replace('@award', '@article'), 'bibtex').text).toContain('@article{a,');
  });

  it.each([
    ['Zotero', 'number = {arXiv:2502.14764}, publisher = {arXiv}'],
    ['DBLP', 'volume = {abs/2502.14764}, journal = {CoRR}'],
  ])("drops %s's second copy of the identifier (plain.bst: a number but no volume)", (_, fields) => {
    const source = `@misc{a, title = {T}, author = {Doe, Jane}, year = {2025}, eprint = {2502.14764}, archiveprefix = {arXiv}, ${fields}}`;
    const out = exported(source, 'bibtex').text;
    expect(out).toContain('journal = {arXiv preprint arXiv:2502.14764}');
    expect(out).not.toMatch(/number =|volume =/);
  });
});

describe('the biblatex target', () => {
  const text = exported(readFileSync(EMBEDDED_STORE, 'utf8'), 'biblatex').text;

  it('is UTF-8 with biblatex types and fields', () => {
    expect(text).toContain('author = {Daudel, Kamélia and Benton, Joe');
    expect(text).toContain('@online{kutasov2025shade,');
    expect(text).toMatch(/@online\{kutasov2025shade,[^@]*eprint = \{2506\.15740\},\n  eprinttype = \{arxiv\}/);
    expect(text).toMatch(
      /@article\{benton2024error,[^@]*journaltitle = \{Transactions on Machine Learning Research\},[^@]*date = \{2024-02\}/,
    );
  });

  it('keeps the annotations and marks the owner "highlight"', () => {
    expect(text).toMatch(/@article\{daudel2023alpha,[^@]*author\+an = \{2=equal,highlight; 3=equal\}/);
    expect(text).toMatch(/@online\{kutasov2025shade,[^@]*author\+an = \{12=highlight\}/);
  });
});

describe('values that could break the .bib or run in the document', () => {
  it('escapes specials and refuses commands, naming entry and field', () => {
    const result = exported(
      '@misc{bad, title = {Run \\input{/etc/passwd} now}, author = {A, B}, year = 2020}\n@misc{ok, title = {50% & #1 of x_1^2}, author = {A, B}, year = 2020}',
      'bibtex',
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unsafe-value',
        key: 'bad',
        line: 1,
        message:
          'field "title" uses the command \\input, which a bibliography must not run; write it as text or remove it; the entry is left out',
      }),
    ]);
    expect(result.text).toContain('title = {50\\% \\& \\#1 of x\\_1\\^{}2}');
    expect(result.text).not.toContain('@misc{bad');
  });

  it('keeps a command that names a character every document defines (\\texteuro, \\textasciiacute in a real library)', () => {
    expect(safeText('costs 5\\texteuro{} and sume\\textasciiacute{}', { ascii: true, protectCapitals: false })).toBe(
      'costs 5\\texteuro{} and sume\\textasciiacute{}',
    );
    expect(() => safeText('\\write18{rm}', { ascii: true, protectCapitals: false })).toThrowError(/must not run/);
  });

  it('refuses an unclosed math "$", a stray backslash and an unsafe key', () => {
    expect(() => safeText('costs $5', { ascii: true, protectCapitals: false })).toThrowError(/never closed/);
    expect(() => safeText('ends with \\', { ascii: true, protectCapitals: false })).toThrowError(/stray/);
    const result = exported('@misc{a%b, title = {T}, year = 2020}', 'bibtex');
    expect(result.problems.map((p) => p.code)).toEqual(['unsafe-key']);
  });

  it('selects entries by key and by selection', () => {
    const pubs = publicationsOf(parseStore(readFileSync(EMBEDDED_STORE, 'utf8')));
    const byKey = exportBib(pubs.store.entries, pubs.items, {
      target: 'bibtex',
      selectedOnly: false,
      keys: ['daudel2023alpha', 'nosuch'],
      file: 'x',
    });
    expect(byKey.count).toBe(1);
    expect(byKey.problems.map((p) => p.code)).toEqual(['unknown-key']);
    expect(exportBib(pubs.store.entries, pubs.items, { target: 'bibtex', selectedOnly: true, file: 'x' }).count).toBe(
      5,
    );
  });

  it('reads LaTeX accents as UTF-8', () => {
    expect(latexAccentsToUnicode('H{\\"a}gele, {\\L}ukasz, Nguy{\\~\\^e}n, \\v{S}imon, I{\\c s}{\\i}k')).toBe(
      'Hägele, Łukasz, Nguyễn, Šimon, Işık',
    );
  });
});
