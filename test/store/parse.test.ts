import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStore } from '../../src/store/parse.js';
import { fixture } from '../helpers.js';

describe('parseStore', () => {
  it('resolves @string macros, # concatenation and the predefined month macros', () => {
    const store = parseStore('@string{conf = "Proc. of "}\n@misc{k, booktitle = conf # {X}, month = feb, year = 2020}');
    const entry = store.entries[0];
    expect(entry?.fields.get('booktitle')).toBe('Proc. of X');
    expect(entry?.fields.get('month')).toBe('February');
    expect(entry?.fields.get('year')).toBe('2020');
  });

  it('separates biblatex data annotations from fields', () => {
    const store = parseStore('@misc{k, author = {A and B}, author+an = {2=equal}, title+an:roles = {=x}}');
    const entry = store.entries[0];
    expect(entry?.fields.has('author+an')).toBe(false);
    expect(entry?.annotations.get('author')).toBe('2=equal');
    expect(entry?.annotations.get('title:roles')).toBe('=x');
  });

  it('warns about an undefined @string and a repeated field', () => {
    const store = parseStore('@misc{k,\n  journal = nosuchmacro,\n  title = {A},\n  title = {B}\n}', 'x.bib');
    expect(store.problems.map((p) => [p.code, p.line, p.key])).toEqual([
      ['undefined-string', 2, 'k'],
      ['duplicate-field', 4, 'k'],
    ]);
    expect(store.entries[0]?.fields.get('title')).toBe('A');
  });

  it('skips a broken entry, keeps the others, and names file, line and entry', () => {
    const file = 'test/fixtures/bib/broken-entry-among-good-ones.bib';
    const store = parseStore(readFileSync(fixture('bib/broken-entry-among-good-ones.bib'), 'utf8'), file);
    expect(store.entries.map((e) => e.key)).toEqual(['good1', 'good2']);
    expect(store.lossless).toBe(false);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatchObject({
      severity: 'error',
      code: 'syntax',
      file,
      key: 'broken',
      line: 7,
      column: 1,
    });
    // reported where the entry opens, naming where the next one begins
    expect(store.problems[0]?.message).toMatch(
      /its "\}" is missing before the next entry, on line 13 .*\(the entry was skipped\)/,
    );
  });

  // real sites' stores: bibtex skips what follows such a comma (0.99d keeps the fields before it), the sites' tools
  // skip the entry; bibfolio skips it and names it, rather than show a part of it as if it were whole
  it.each([
    [
      'after the key',
      'missing-comma-after-key.bib',
      ['before', 'after'],
      [4, 3, 'meyer-gohde_neuhoff_2015'],
      'expected "," after the citation key "meyer-gohde_neuhoff_2015" (the entry starting on line 3 was skipped)',
    ],
    [
      'between two fields',
      'missing-comma-between-fields.bib',
      ['after'],
      [7, 3, 'gorji2024perpsych'],
      'expected "," or "}" after field "publisher" (the entry starting on line 1 was skipped)',
    ],
  ])('skips an entry with a comma forgotten %s, naming line, column and key', (_case, name, keys, at, message) => {
    const file = `test/fixtures/bib/${name}`;
    const store = parseStore(readFileSync(fixture(`bib/${name}`), 'utf8'), file);
    expect(store.entries.map((e) => e.key)).toEqual(keys);
    expect(store.lossless).toBe(false);
    expect(store.problems.map((p) => [p.line, p.column, p.key])).toEqual([at]);
    expect(store.problems.map((p) => [p.severity, p.code, p.file])).toEqual([['error', 'syntax', file]]);
    expect(store.problems[0]?.message).toBe(message);
  });

  it('records the line of every entry and its position in the file', () => {
    const store = parseStore('\n\n@misc{a, title={A}}\n@misc{b, title={B}}');
    expect(store.entries.map((e) => [e.key, e.line, e.index])).toEqual([
      ['a', 3, 0],
      ['b', 4, 1],
    ]);
  });

  it.each([
    ['%', '%@article{b, title={B}}'],
    ['% and a space', '  % @article{b, title={B}}'],
    ["'#' (a real CV's entry left out like a line of a shell script)", '#@article{b, title={B}}'],
  ])('leaves out an entry on a line commented out with %s', (_, line) => {
    const store = parseStore(`@misc{a, title={A}}\n${line}\n@misc{c, title={C}}`);
    expect(store.entries.map((e) => [e.key, e.line])).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    expect(store.problems).toEqual([]);
  });
});
