/**
 * The owner's plain names split directly give what @citation-js/name's parser gives (and the parser decides the rest);
 * an ASCII name is split with ASCII patterns, which give what the Unicode patterns give.
 */
import { parse } from '@citation-js/name';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random.mjs';
import { plainName } from '../../src/model/config.js';

const PLAIN = [
  'Joe Benton',
  'J. Benton',
  'Joseph Benton',
  'Benton, Joe',
  'Benton, J.',
  'Chen Bo Calvin Zhang',
  'Kamélia Daudel',
  'Jean-Pierre Dupont',
  'J.-P. Dupont',
  "Conan O'Brien",
  'Dupont, Jean-Pierre',
  'Łukasz Kaiser',
  'Fraser-Taliente, Kit',
];
const PARSER_DECIDES = [
  'Teun van der Weij',
  'van der Weij, Teun',
  'Martin Luther King Jr.',
  'King, Jr., Martin',
  '{Barnes and Noble}',
  'Benton',
  'joe benton',
];

describe('plainName', () => {
  it.each(PLAIN)('splits "%s" as the parser does', (name) => {
    const parsed = parse(name) as { family?: string; given?: string };
    expect(plainName(name)).toEqual({ family: parsed.family, given: parsed.given });
  });
  it.each(PARSER_DECIDES)('leaves "%s" to the parser', (name) => {
    expect(plainName(name)).toBeUndefined();
  });
});

/** The patterns of Unicode words, as plainName uses them for a name that is not ASCII. */
function byUnicodeWords(spec: string): { family: string; given: string } | undefined {
  const word = "\\p{Lu}[\\p{L}'’.-]*";
  const text = spec.trim().replace(/\s+/g, ' ');
  if (/\b(?:jr|sr|ii|iii|iv)\.?$/i.test(text)) return undefined;
  const a = new RegExp(`^(${word}(?:\\s+${word})*)\\s+(${word})$`, 'u').exec(text);
  if (a) return { family: a[2] as string, given: a[1] as string };
  const b = new RegExp(`^(${word}),\\s*(${word}(?:\\s+${word})*)$`, 'u').exec(text);
  return b ? { family: b[1] as string, given: b[2] as string } : undefined;
}

describe('plainName on ASCII names', () => {
  it('splits every ASCII name as the Unicode patterns do', () => {
    const random = seededRandom(12);
    const pieces = [
      'Joe',
      'J.',
      'benton',
      'Benton',
      "O'Brien",
      'Jean-Pierre',
      'J.-P.',
      'van',
      'Jr.',
      'III',
      ',',
      ' ',
      '  ',
      'X',
      '2',
      '-',
      "'",
      '.',
      'McD',
      'ab',
    ];
    let split = 0;
    for (let i = 0; i < 3000; i++) {
      const name = Array.from(
        { length: 1 + Math.floor(random() * 5) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(random() < 0.7 ? ' ' : '');
      expect(plainName(name), name).toEqual(byUnicodeWords(name));
      if (byUnicodeWords(name)) split++;
    }
    expect(split).toBeGreaterThan(150);
  });
});
