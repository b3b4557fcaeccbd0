import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStore } from '../../src/check/check-store.js';
import { damagedForms } from '../../src/check/damaged-names.js';
import { publicationsOf } from '../../src/pipeline.js';
import { parseStore } from '../../src/store/parse.js';
import { EMBEDDED_STORE, fixture, JOE } from '../helpers.js';

function check(source: string, file: string) {
  const pubs = publicationsOf(parseStore(source, file));
  return [...pubs.problems, ...checkStore({ file, entries: pubs.store.entries, items: pubs.items, owner: JOE })];
}

describe('bibfolio check', () => {
  it('passes the embedded store clean', () => {
    expect(check(readFileSync(EMBEDDED_STORE, 'utf8'), 'bib/publications.bib')).toEqual([]);
  });

  it('finds every kind of problem, with file, line and entry', () => {
    const file = 'check-finds-every-problem.bib';
    const problems = check(readFileSync(fixture(`bib/${file}`), 'utf8'), file);
    const found = problems.map((p) => [p.severity, p.code, p.key, p.line]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['error', 'syntax', 'broken', 46],
        ['error', 'duplicate-key', 'dup2024a', 9],
        ['error', 'duplicate-publication', 'sameid', 15],
        ['error', 'duplicate-publication', 'notmine', 38],
        ['warning', 'missing-field', 'missing', 23],
        ['error', 'annotation-out-of-range', 'annotations', 29],
        ['warning', 'owner-missing', 'notmine', 38],
        ['warning', 'damaged-name', 'sameid', 15],
        ['warning', 'damaged-name', 'notmine', 38],
      ]),
    );
    expect(problems.every((p) => p.file === file)).toBe(true);
    const damaged = problems.filter((p) => p.code === 'damaged-name').map((p) => p.message);
    expect(damaged).toContain(
      '"Alexander Hgele" looks like a damaged copy of "Alexander Hägele" (entry "dup2024a", line 1)',
    );
    expect(damaged).toContain(
      '"Kamlia Daudel" looks like a damaged copy of "Kamélia Daudel" (entry "annotations", line 29)',
    );
    expect(problems.find((p) => p.code === 'missing-field')?.message).toBe('@article entries need journal');
  });

  it('knows how names get damaged', () => {
    expect(damagedForms('Hägele')).toEqual(['Hgele', 'H?gele', 'HÃ¤gele']);
    expect(damagedForms('Benton')).toEqual([]);
  });

  it('reports a name spelled without its accents', () => {
    const src =
      '@misc{a, title={A}, author={Benton, Joe and H{\\"a}gele, Alexander}, year=2024}\n@misc{b, title={B}, author={Benton, Joe and Hagele, Alexander}, year=2023}';
    const problems = check(src, 'x.bib').filter((p) => p.code === 'damaged-name');
    expect(problems.map((p) => p.key)).toEqual(['b']);
  });
});

describe('private-use characters', () => {
  it("names a PDF ligature copied into a title (a real CV's 'Ba\\uE03Clefield'), which lists leave out", () => {
    const source =
      '@article{costly, title = {Reactions to Ba\uE03Clefield Events}, author = {Joe Benton}, journal = {J}, year = 2012}';
    const problems = check(source, 's.bib').filter((p) => p.code === 'private-use-character');
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'private-use-character',
        message:
          'field "title" has U+E03C (in "Ba?lefield"), a private-use character that no font gives a meaning (a PDF\'s ligature, copied?): lists leave it out; write the letters it stands for',
        file: 's.bib',
        line: 1,
        key: 'costly',
      },
    ]);
    const item = publicationsOf(parseStore(source, 's.bib')).items[0];
    // what the warning says: the list has the title without it (no input forges the IR's markup: csl/ir.ts)
    expect(item?.title).toBe('Reactions to Balefield Events');
  });

  it("names U+FFFD, a character lost to another encoding (a real CV's 'Econ\uFFFDmico'), by field and word", () => {
    const source =
      '@article{aos, title = {Despacho Econ\uFFFDmico de Energia}, author = {Joe Benton}, journal = {J}, year = 2016}';
    expect(check(source, 's.bib').filter((p) => p.code === 'replacement-character')).toEqual([
      {
        severity: 'warning',
        code: 'replacement-character',
        message:
          'field "title" has U+FFFD (in "Econ\uFFFDmico"), where a character was lost when the text was saved in another encoding: write the character it stood for',
        file: 's.bib',
        line: 1,
        key: 'aos',
      },
    ]);
  });
});
