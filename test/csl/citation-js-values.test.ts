/**
 * bibfolio reads an entry's values for citation-js's mapping itself, taking plain text as its own reading instead of
 * running the plugin's grammar over it (src/csl/citation-js-values.ts). Whatever it takes for plain must read the
 * same as through citation-js's own path (`chainLink` of `@biblatex/entries+list`): every entry of the corpora, mapped
 * both ways, gives the same CSL.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCitationJsEntry, type CitationJsEntry } from '../../src/csl/citation-js-input.js';
import { readEntryValues, readValue } from '../../src/csl/citation-js-values.js';
import { readEntryConventions } from '../../src/conventions/read-entry.js';
import { parseStore } from '../../src/store/parse.js';
import { load as citationJs } from '../../src/vendor/citation-js.js';
import { generateStore } from '../../scripts/generate-store.mjs';
import { seededRandom } from '../../scripts/seeded-random.mjs';
import { corpusStores, EMBEDDED_STORE, realworldStores } from '../helpers.js';

const cjs = citationJs();

/** A value, or the message of what reading it threw. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (err) {
    return { threw: (err as Error).message };
  }
}

/** Pieces of plain values: words of every case, particles, separators, white space of every kind, ligatures, braces. */
const WORDS = [
  'Doe',
  'jane',
  'J.',
  'van',
  'der',
  'De',
  'la',
  'Jr',
  'ÉMILE',
  'ßtraße',
  'Ødegaard',
  '李',
  'x',
  '1st',
  "O'Neil",
];
const SPACES = [' ', '  ', '\t', '\n', '\u00a0', '\u2003'];
const NAME_PIECES = [
  ...WORDS,
  ...SPACES,
  'and',
  'AND',
  'And',
  'andrew',
  ' and ',
  ' AND ',
  ',',
  ', ',
  ' , ',
  '-',
  ' - ',
  '.',
  "'",
  '’',
];
const TEXT_PIECES = [
  ...WORDS,
  ...SPACES,
  'and',
  ' and ',
  ' AND ',
  ',',
  ', ',
  '-',
  '--',
  '---',
  '----',
  "'",
  "''",
  '`',
  '``',
  '–',
  '"',
  '.',
  ':',
  '?',
  '{',
  '}',
  '{}',
  '{{',
  '}}',
];

/** Both readings of a list of entries, or the error each path throws. */
function bothWays(inputs: readonly CitationJsEntry[]): [unknown, unknown] {
  return [
    outcome(() => cjs.plugins.input.chainLink(inputs, { forceType: '@biblatex/entries+list' })),
    outcome(() => cjs.mapEntries(inputs.map((input) => readEntryValues(input, cjs)))),
  ];
}

function inputsOf(source: string, file: string): CitationJsEntry[] {
  return parseStore(source, file).entries.map((entry) => toCitationJsEntry(entry, readEntryConventions(entry)));
}

describe("citation-js's values read with plain text taken as itself", () => {
  it('reads every entry of the robustness corpus, the realworld stores and the embedded store as citation-js does', () => {
    const files = [...corpusStores(), ...realworldStores(), EMBEDDED_STORE];
    let entries = 0;
    for (const file of files) {
      const inputs = inputsOf(readFileSync(file, 'utf8'), file);
      entries += inputs.length;
      const [theirs, ours] = bothWays(inputs);
      // a file whose list throws is compared entry by entry, as mapping.ts reads it then
      if (typeof theirs === 'object' && theirs !== null && 'threw' in theirs) {
        for (const input of inputs) {
          const [one, other] = bothWays([input]);
          expect(other, `${file}: ${input.label}`).toEqual(one);
        }
      } else expect(ours, file).toEqual(theirs);
    }
    expect(entries).toBeGreaterThan(2_000);
  });

  it("reads the bench's generated store (accents from many languages, LaTeX and UTF-8) as citation-js does", () => {
    const inputs = inputsOf(generateStore(2000), 'generated.bib');
    const [theirs, ours] = bothWays(inputs);
    expect(ours).toEqual(theirs);
  });

  it.each([
    ['title', 'Plain words'],
    ['title', '  runs\tof \n white\u00a0space\u2003inside '],
    ['title', "one-hyphen and one ' quote"],
    ['title', 'two -- hyphens'],
    ['title', 'three --- hyphens'],
    ['title', "two '' quotes and two `` backquotes"],
    ['title', 'a~tie'],
    ['title', 'a {Braced} word'],
    ['title', 'a \\emph{command}'],
    ['title', 'math $x$'],
    ['journal', 'Journal of Things'],
    ['pages', '1--10'],
    ['pages', '1-10'],
    ['year', '2024'],
    ['note', 'an unknown field'],
    ['unknownfield', 'with  spaces'],
    ['doi', '10.1000/a b  c'],
    ['doi', '10.1000/{a}'],
    ['url', 'https://example.org/a%20b~c'],
    ['publisher', 'Springer and Sons'],
    ['author', 'Doe, Jane and Roe, Richard'],
    ['keywords', 'a, b,  c'],
    ['constructor', 'a field named as an Object property'],
    ['toString', 'x'],
    ['__proto__', 'y'],
  ])('%s = %j reads as citation-js reads it', (field, value) => {
    expect(outcome(() => readValue(value, field, undefined, cjs))).toEqual(outcome(() => cjs.parseValue(value, field)));
  });

  it.each([
    ['name lists', ['author', 'editor'], NAME_PIECES],
    [
      'text, verbatim, list and separated values',
      [
        'title',
        'pages',
        'note',
        'unknownfield',
        'doi',
        'publisher',
        'address',
        'language',
        'keywords',
        'series',
        'month',
      ],
      TEXT_PIECES,
    ],
  ])('reads 20,000 random %s as citation-js does', (_, fields, pieces) => {
    // seeded, so that a failure can be run again
    const random = seededRandom(20261207);
    const pick = <T>(from: readonly T[]): T => from[Math.floor(random() * from.length)] as T;
    let read = 0;
    for (let n = 0; n < 20_000; n++) {
      const value = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(pieces)).join('');
      const field = pick(fields);
      const theirs = outcome(() => cjs.parseValue(value, field));
      expect(
        outcome(() => readValue(value, field, undefined, cjs)),
        `${field} = ${JSON.stringify(value)}`,
      ).toEqual(theirs);
      if (!(typeof theirs === 'object' && theirs !== null && 'threw' in theirs)) read++;
    }
    expect(read).toBeGreaterThan(10_000);
  });

  it('takes plain text as itself without the grammar, and leaves the rest to it', () => {
    let calls = 0;
    const counting = {
      ...cjs,
      parseValue: (...args: Parameters<typeof cjs.parseValue>) => (calls++, cjs.parseValue(...args)),
    };
    expect(readValue('Plain  words', 'title', undefined, counting)).toBe('Plain words');
    expect(readValue('10.1000/x', 'doi', undefined, counting)).toBe('10.1000/x');
    expect(calls).toBe(0);
    expect(readValue('1--10', 'pages', undefined, counting)).toBe('1–10');
    expect(readValue('Springer and  Sons', 'publisher', undefined, counting)).toEqual(['Springer', 'Sons']);
    expect(readValue('a, b,', 'keywords', undefined, counting)).toEqual(['a', 'b']);
    expect(readValue('Doe, Jane and van der Berg, Ann', 'author', undefined, counting)).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Berg', prefix: 'van der', given: 'Ann' },
    ]);
    expect(calls).toBe(0);
    expect(readValue('Do{\\"e}, Jane', 'author', undefined, counting)).toEqual([{ family: 'Doë', given: 'Jane' }]);
    expect(readValue('A {DNA} test', 'title', undefined, counting)).toBe('A DNA test');
    expect(calls).toBe(1);
    expect(readValue('A \\emph{DNA} test', 'title', undefined, counting)).toBe('A <i>DNA</i> test');
    expect(calls).toBe(2);
  });
});
