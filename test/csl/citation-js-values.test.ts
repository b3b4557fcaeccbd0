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
import { corpusStores, EMBEDDED_STORE, realworldStores } from '../helpers.js';

const cjs = citationJs();

/** Both readings of a list of entries, or the error each path throws. */
function bothWays(inputs: readonly CitationJsEntry[]): [unknown, unknown] {
  const attempt = (read: () => unknown): unknown => {
    try {
      return read();
    } catch (err) {
      return { threw: (err as Error).message };
    }
  };
  return [
    attempt(() => cjs.plugins.input.chainLink(inputs, { forceType: '@biblatex/entries+list' })),
    attempt(() => cjs.mapEntries(inputs.map((input) => readEntryValues(input, cjs)))),
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
  ])('%s = %j reads as citation-js reads it', (field, value) => {
    const theirs = (() => {
      try {
        return cjs.parseValue(value, field);
      } catch (err) {
        return { threw: (err as Error).message };
      }
    })();
    const ours = (() => {
      try {
        return readValue(value, field, undefined, cjs);
      } catch (err) {
        return { threw: (err as Error).message };
      }
    })();
    expect(ours).toEqual(theirs);
  });

  it('reads 20,000 random name lists of words, cases, commas, hyphens, white space and "and" as citation-js does', () => {
    // a seeded generator (mulberry32), so that a failure can be run again
    let seed = 20261207;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [
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
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '.',
      "'",
      '’',
    ];
    let read = 0;
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(random() * 12);
      const value = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const field = random() < 0.5 ? 'author' : 'editor';
      const theirs = (() => {
        try {
          return cjs.parseValue(value, field);
        } catch (err) {
          return { threw: (err as Error).message };
        }
      })();
      const ours = (() => {
        try {
          return readValue(value, field, undefined, cjs);
        } catch (err) {
          return { threw: (err as Error).message };
        }
      })();
      expect(ours, JSON.stringify(value)).toEqual(theirs);
      if (!('threw' in (theirs as object))) read++;
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
    expect(readValue('Doe, Jane and van der Berg, Ann', 'author', undefined, counting)).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Berg', prefix: 'van der', given: 'Ann' },
    ]);
    expect(calls).toBe(1);
    expect(readValue('Do{\\"e}, Jane', 'author', undefined, counting)).toEqual([{ family: 'Doë', given: 'Jane' }]);
    expect(calls).toBe(2);
  });
});
