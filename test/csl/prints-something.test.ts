/**
 * printsSomething(ir) is `plain(ir).trim() !== ''` without building the plain text (the lists ask it of every entry
 * several times): the same answer on every string of white space, markup markers, the < and > markers and text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IR, plain, printsSomething } from '../../src/csl/ir.js';

const PIECES = [
  ...Object.values(IR),
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u3000',
  '\u200b',
  'a',
  'é',
  '<',
  '\uE000',
  '\uF8FF',
  '\uF900',
  '😀',
];

describe('printsSomething', () => {
  it('answers as plain(ir).trim() does, on strings of markers, white space and text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (pieces) => {
        const ir = pieces.join('');
        expect(printsSomething(ir)).toBe(plain(ir).trim() !== '');
      }),
      { seed: 20261206, numRuns: 5000 },
    );
  });

  it('says an entry of markup only prints nothing, and one < marker prints', () => {
    expect(printsSomething(`${IR.ITALIC_OPEN}  ${IR.ITALIC_CLOSE}`)).toBe(false);
    expect(printsSomething(IR.LT)).toBe(true);
  });
});
