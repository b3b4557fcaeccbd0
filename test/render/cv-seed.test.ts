/**
 * `--to text --style cv` reproduces the newer CV's publication lines, except where the CV is wrong. The corrections
 * are listed here, one by one, and nothing else may differ:
 * - accents the CV lost: "Hgele" is Hägele, "Kamlia" is Kamélia;
 * - equal-contribution marks the newer CV dropped (the older CV has them): Joe Benton*, Yuyang Shi*;
 * - the owner's bold (`**Joe Benton**`) applied to some lines only: plain text has no bold;
 * - punctuation: "?." after a question mark, "arXiv preprint, arXiv:" with a stray comma, "et al." without its comma;
 * - typography: citeproc-js prints the apostrophe of "Don't" as ’;
 * - the et-al rule: the CV cuts lists at different lengths; bibfolio shows at most 10 names and never hides the
 *   owner, so where lists differ the names shown must be the CV's names, in order (checked below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedItems, render, SHARED } from '../helpers.js';

const SEEDS = join(SHARED, 'seeds');
const newer = readdirSync(SEEDS).find((f) => f.startsWith('000_'));
const cvLines = readFileSync(join(SEEDS, newer ?? ''), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /, 20\d\d\.$/.test(l) || /February 2024\.$/.test(l));

function corrected(line: string): string {
  return line
    .replace(/\*\*/g, '')
    .replace('Hgele', 'Hägele')
    .replace('Kamlia Daudel, Joe Benton, Yuyang Shi,', 'Kamélia Daudel, Joe Benton*, Yuyang Shi*,')
    .replace('?.', '?')
    .replace('arXiv preprint, arXiv:', 'arXiv preprint arXiv:')
    .replace(/([^,]) et al\./, '$1, et al.')
    .replace("Don't", 'Don’t');
}

interface Parts {
  readonly title: string;
  readonly authors: readonly string[];
  readonly etAl: boolean;
  readonly venue: string;
}

/** Splits a line by the item's known title and venue. */
function parts(line: string, title: string, venue: string): Parts {
  expect(line.startsWith(`${title} `), line).toBe(true);
  expect(line.endsWith(` ${venue}`), line).toBe(true);
  const names = line.slice(title.length + 1, line.length - venue.length - 1).replace(/\.$/, '');
  const list = names.split(', ');
  const etAl = list[list.length - 1] === 'et al';
  return { title, authors: etAl ? list.slice(0, -1) : list, etAl, venue };
}

describe('the newer CV, reproduced', () => {
  const output = render(embeddedItems(), 'text', {
    annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
  });
  const ours = output.split('\n\n').filter((l) => / \d{4}\.$/.test(l.trim()));

  it('has the CV’s 16 publications, in the CV’s order', () => {
    expect(cvLines).toHaveLength(16);
    expect(ours).toHaveLength(16);
    ours.forEach((line, i) => {
      expect(corrected(cvLines[i] ?? '').slice(0, 30)).toBe(line.slice(0, 30));
    });
  });

  it.each(Array.from({ length: 16 }, (_, i) => i))('line %i matches, corrections aside', (i) => {
    const cv = corrected(cvLines[i] ?? '');
    const line = ours[i] ?? '';
    if (cv === line) return;
    // Only the et-al rule may make the lines differ: same title, same venue, and names that are the CV's names.
    const title = line.slice(0, line.indexOf('. ') + 1);
    const venue = line.slice(line.lastIndexOf('. ') + 2);
    const a = parts(line, title, venue);
    const b = parts(cv, title, venue);
    expect(a.etAl || b.etAl).toBe(true);
    const shown = a.authors.filter((n) => n !== '[…]');
    let from = 0;
    for (const name of shown) {
      const at = b.authors.indexOf(name, from);
      if (at === -1) {
        // a name beyond the CV's cut: only the owner may be shown past it
        expect(name).toBe('Joe Benton');
        continue;
      }
      from = at + 1;
    }
    expect(shown.length).toBeLessThanOrEqual(b.authors.length + 1);
    expect(shown).toContain('Joe Benton');
  });
});
