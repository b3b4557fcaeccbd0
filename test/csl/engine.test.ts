/**
 * One cached citeproc-js engine per style and locale (src/csl/engine.ts) renders list after list: an item renders
 * from its own data, never from what the engine kept of an earlier item with the same ID (an edited entry, another
 * store).
 */
import { describe, expect, it } from 'vitest';
import { engineFor } from '../../src/csl/engine.js';
import { loadStyle } from '../../src/csl/registry.js';
import { plain } from '../../src/csl/ir.js';

const book = (family: string, title: string) => ({
  id: 'same-id',
  type: 'book',
  title,
  author: [{ family, given: 'Ada' }],
  issued: { 'date-parts': [[2021]] },
});

describe('a reused engine', () => {
  for (const style of ['cv', 'apa', 'vancouver']) {
    it(`renders an ID's new data, not what it kept of the old (${style})`, () => {
      const engine = engineFor(loadStyle(style), 'en-US');
      const first = engine.render([book('Lovelace', 'First Title')]).entries.map(plain);
      const second = engine.render([book('Byron', 'Second Title')]).entries.map(plain);
      expect(first[0]).toContain('Lovelace');
      expect(second[0]).toContain('Byron');
      expect(second[0]).not.toContain('Lovelace');
      expect(second[0]).toContain('Second Title');
    });
  }
});
