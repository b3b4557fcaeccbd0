/**
 * The accents and letters read without unicode2latex's tables (COMMON_ACCENTS, for a quick first run) are exactly
 * what those tables say, and read the same either way.
 */
import { latex2unicode } from 'unicode2latex';
import { describe, expect, it } from 'vitest';
import { COMMON_ACCENTS, latexAccentsToUnicode } from '../../src/latex/accents.js';

describe('the common accents', () => {
  it("are unicode2latex's own values", () => {
    const table = latex2unicode as unknown as Record<string, unknown>;
    expect(Object.keys(COMMON_ACCENTS).length).toBeGreaterThan(20);
    for (const [command, text] of Object.entries(COMMON_ACCENTS))
      expect([command, table[command]]).toEqual([command, text]);
  });

  it('read accented names as UTF-8', () => {
    expect(
      latexAccentsToUnicode(
        "H{\\\"a}gele, Kam{\\'e}lia, {\\L}ukasz, Dvo{\\v r}\\'ak, Fran{\\c c}ois, {\\o}ystein, Stra{\\ss}e",
      ),
    ).toBe('Hägele, Kamélia, Łukasz, Dvořák, François, øystein, Straße');
  });
});
