/**
 * The outline of an edited store, scanned again only where it was edited (store/rescan.ts), equals the outline of a
 * scan of the whole text: for every file of the robustness corpus, the realworld stores and the embedded store, each
 * edited at random places (characters the grammar reads, a field added, text cut out, an entry commented out). When
 * the rescan gives no answer, the store is scanned whole; it answers for nearly every edit of a real store.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random.mjs';
import { commonPrefix, commonSuffix, rescanOutline } from '../../src/store/rescan.js';
import { scanOutline } from '../../src/store/scan-outline.js';
import { corpusStores, EMBEDDED_STORE, realworldStores } from '../helpers.js';

const corpus = corpusStores();
const realworld = realworldStores();

/** What an edit puts in: characters the grammar reads, and what a researcher types. */
const INSERTS = [
  '}',
  '{',
  '@',
  '%',
  '\n',
  '\r\n',
  '"',
  ',',
  '#',
  '=',
  ' ',
  '\n% ',
  '  note = {edited},\n',
  'x',
  'é',
  '@article{added, title = {Added}}\n',
  '\n@misc{cut',
  '@comment{',
  '@string{new = "New"}\n',
];

const bytes = (text: string): Buffer => Buffer.from(text, 'utf16le');

function edit(source: string, random: () => number): string {
  const at = Math.floor(random() * (source.length + 1));
  const kind = random();
  if (kind < 0.5)
    return source.slice(0, at) + (INSERTS[Math.floor(random() * INSERTS.length)] ?? '') + source.slice(at);
  if (kind < 0.75) return source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 40));
  // a field added after an entry's first line, as an edit by hand does
  const line = source.indexOf('\n', source.indexOf('@', at));
  if (line === -1) return `${source}\n`;
  return `${source.slice(0, line + 1)}  note = {edited ${at}},\n${source.slice(line + 1)}`;
}

function expectSameAsWholeScan(before: string, after: string): boolean {
  const previous = scanOutline(before);
  const rescanned = rescanOutline(previous, after);
  if (!rescanned) return false;
  expect(rescanned.scan).toEqual(scanOutline(after));
  // the blocks before the edit are the previous ones themselves
  for (let i = 0; i < rescanned.keptBefore; i++) expect(rescanned.scan.blocks[i]).toBe(previous.blocks[i]);
  expect(rescanned.scan.blocks.length - rescanned.keptFrom).toBe(previous.blocks.length - rescanned.previousFrom);
  return true;
}

describe('the outline of an edited store, scanned again where it was edited', () => {
  it('finds where two texts differ, in characters, from both ends', () => {
    const a = 'x'.repeat(10_000) + 'abc' + 'y'.repeat(9_000);
    const b = 'x'.repeat(10_000) + 'aBBc' + 'y'.repeat(9_000);
    expect(commonPrefix(bytes(a), bytes(b))).toBe(10_001);
    expect(commonSuffix(bytes(a), bytes(b), 10_001)).toBe(9_001);
    expect(commonPrefix(bytes(a), bytes(a))).toBe(a.length);
    // never more than both texts hold once the prefix is counted
    expect(commonSuffix(bytes('aXa'), bytes('aXXa'), commonPrefix(bytes('aXa'), bytes('aXXa')))).toBe(1);
    // against a comparison one character at a time, on random edits (surrogate pairs and characters of one byte's
    // difference included)
    const random = seededRandom(35);
    const alphabet = ['a', 'b', '{', '\n', 'é', '日', '\ud83d\ude00', '\u0100', '\u0001'];
    const text = (n: number): string =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 400; i++) {
      const base = text(Math.floor(random() * 9000));
      const at = Math.floor(random() * (base.length + 1));
      const other = base.slice(0, at) + text(Math.floor(random() * 5)) + base.slice(at + Math.floor(random() * 5));
      let prefix = 0;
      while (prefix < Math.min(base.length, other.length) && base[prefix] === other[prefix]) prefix++;
      let suffix = 0;
      while (
        suffix < Math.min(base.length, other.length) - prefix &&
        base[base.length - 1 - suffix] === other[other.length - 1 - suffix]
      )
        suffix++;
      expect(commonPrefix(bytes(base), bytes(other))).toBe(prefix);
      expect(commonSuffix(bytes(base), bytes(other), prefix)).toBe(suffix);
    }
  });

  it.each([...corpus, ...realworld, EMBEDDED_STORE])('%s: equals a whole scan after random edits', (path) => {
    const source = readFileSync(path, 'utf8');
    const random = seededRandom(source.length) as () => number;
    let text = source;
    for (let i = 0; i < 4; i++) {
      const edited = edit(text, random);
      expectSameAsWholeScan(text, edited);
      text = edited;
    }
  });

  it('answers for nearly every edit of the realworld stores', () => {
    let answered = 0;
    let edits = 0;
    for (const path of [...realworld, EMBEDDED_STORE]) {
      const source = readFileSync(path, 'utf8');
      const random = seededRandom(7) as () => number;
      for (let i = 0; i < 10; i++) {
        edits++;
        if (expectSameAsWholeScan(source, edit(source, random))) answered++;
      }
    }
    expect(answered / edits).toBeGreaterThan(0.9);
  });

  it('gives the previous blocks for the same text', () => {
    const source = readFileSync(EMBEDDED_STORE, 'utf8');
    const previous = scanOutline(source);
    const same = rescanOutline(previous, `${source}`);
    expect(same?.scan.blocks).toEqual(previous.blocks);
    same?.scan.blocks.forEach((block, i) => expect(block).toBe(previous.blocks[i]));
  });

  it('scans on past the end of the edit to the next line: a "%" that starts the line comments out what follows', () => {
    // the "%" is text in the title's braces, but it starts the line of @misc{b}, which BibTeX then skips
    const source = '@misc{a, title = {x\n y}} @misc{b, title = {B}}\n@misc{c, title = {C}}\n';
    const edited = source.replace('\n y}}', '\n% y}}');
    const rescanned = rescanOutline(scanOutline(source), edited);
    expect(rescanned?.scan).toEqual(scanOutline(edited));
    expect(
      scanOutline(edited)
        .blocks.filter((b) => b.kind === 'entry')
        .map((b) => 'key' in b && b.key),
    ).toEqual(['a', 'c']);
  });

  it.each([
    ['an entry whose "}" is taken away', (s: string) => s.replace(/\}\s*\n\s*@/, '\n@')],
    ['an entry commented out', (s: string) => s.replace(/\n@/, '\n%@')],
    [
      'an @string changed',
      () => '@string{j = "Journal of Tests"}\n@article{a, journal = j}\n@article{b, title = {B}}\n',
    ],
    ['an entry added at the end', (s: string) => `${s}\n@misc{late, title = {Late}}\n`],
    ['an entry added at the start', (s: string) => `@misc{early, title = {Early}}\n${s}`],
    ['everything cut', () => ''],
  ])('equals a whole scan: %s', (_, change) => {
    const source =
      '@string{j = "Journal"}\n@article{a, journal = j}\n\n@article{b, title = {B}}\n@misc{c,\n  title = {C}\n}\n';
    const edited = change(source);
    expect(edited).not.toBe(source);
    const rescanned = rescanOutline(scanOutline(source), edited);
    // every one of these has an answer: none leaves a broken entry after the edit
    expect(rescanned?.scan).toEqual(scanOutline(edited));
  });
});
