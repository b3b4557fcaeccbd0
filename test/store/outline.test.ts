/**
 * The outline of a store (store/outline.ts) is the full parse without the entries' fields: on every file of the
 * robustness corpus, the realworld stores and the embedded store, the same blocks, entries, @strings and problems, and
 * each entry read on its own is the full parse's entry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineProblems, outlineStore, readEntryAt } from '../../src/store/outline.js';
import { parseStoreByEntry } from '../../src/store/parse.js';
import { corpusStores, EMBEDDED_STORE, realworldStores } from '../helpers.js';

const corpus = corpusStores();
const realworld = realworldStores();

function expectSameAsFullParse(source: string, file: string): void {
  const outline = outlineStore(source, file);
  const full = parseStoreByEntry(source, file);
  const store = full.store;
  expect(outline.scan.blocks.map((b) => [b.kind, b.span])).toEqual(store.scan.blocks.map((b) => [b.kind, b.span]));
  expect(outline.entries.map((e) => [e.key, e.type, e.line, e.index, e.span])).toEqual(
    store.entries.map((e) => [e.key, e.type, e.line, e.index, e.raw.span]),
  );
  expect(outline.strings).toEqual(store.strings);
  expect(outline.lossless).toBe(store.lossless);
  expect(outlineProblems(outline, (i) => full.entryProblems[i] ?? [])).toEqual(store.problems);
  const read = outline.entries.map((e) => readEntryAt(outline, e.index));
  expect(read.map((r) => r.entry)).toEqual(store.entries);
  expect(outlineProblems(outline, (i) => read[i]?.problems ?? [])).toEqual(store.problems);
}

describe('the outline of a store', () => {
  it('holds the corpus and the realworld stores', () => {
    expect(corpus.length).toBe(1064);
    expect(realworld.length).toBeGreaterThanOrEqual(22);
  });

  it.each([...corpus, ...realworld, EMBEDDED_STORE])('%s: is the full parse without the fields', (path) => {
    expectSameAsFullParse(readFileSync(path, 'utf8'), path);
  });

  it('keeps the problems of entries, @strings and broken blocks in the order of the file', () => {
    const source = [
      '@string{ j = "Journal " # undefinedA }',
      '@article{a, title = {T\u0007}, title = {again}, journal = j # undefinedB}',
      '@article{a, note = {\u0001 twice for one key is said once}}',
      '@article{broken, title = {never closed}',
      '@string{late = "Late"}',
      '@misc{b\u0002, howpublished = late, note = early}',
      '@string{early = "too late for b"}',
      '',
    ].join('\n');
    expectSameAsFullParse(source, 'mixed.bib');
    const outline = outlineStore(source, 'mixed.bib');
    expect(outline.entries.map((e) => e.definedBefore)).toEqual([1, 1, 2]);
    expect(readEntryAt(outline, 2).entry.fields.get('howpublished')).toBe('Late');
    expect(readEntryAt(outline, 2).entry.fields.get('note')).toBe('');
  });

  it('finds a control character that reaches an entry through a @string, and none elsewhere', () => {
    const source = [
      '@article{clean, title = {No control character here}}',
      '@string{bell = "Ring \u0007"}',
      '@article{through, title = {Reads } # bell}',
      '@article{after, title = {Clean too}}',
      '',
    ].join('\n');
    expectSameAsFullParse(source, 'through-a-string.bib');
    const outline = outlineStore(source, 'through-a-string.bib');
    expect(readEntryAt(outline, 1).problems.map((p) => p.code)).toEqual(['control-character']);
    expect(readEntryAt(outline, 1).entry.fields.get('title')).toBe('Reads Ring ');
    expect(readEntryAt(outline, 0).problems).toEqual([]);
  });
});
