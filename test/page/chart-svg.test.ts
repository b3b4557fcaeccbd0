/**
 * `--to svg`: the chart of publications per year as an SVG file of its own (for a CV), well-formed XML with its text
 * alternative, counting what the list prints per year, in the list's language; `--selected` charts the selection.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('--to svg', () => {
  it('is well-formed SVG whose text alternative counts the list’s years', async () => {
    const run = await cli(['format', '--to', 'svg']);
    expect(run.code, run.stderr).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const svg = new XMLParser({ ignoreAttributes: false }).parse(run.stdout).svg as Record<string, unknown>;
    expect(svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    const items = JSON.parse((await cli(['format', '--to', 'json'])).stdout) as {
      issued?: { 'date-parts': number[][] };
    }[];
    const perYear = new Map<number, number>();
    for (const item of items) {
      const year = item.issued?.['date-parts'][0]?.[0] as number;
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const counts = [...perYear].sort((a, b) => a[0] - b[0]).map(([y, n]) => `${y}: ${n}`);
    expect(svg['@_aria-label']).toBe(`Publications per year: ${counts.join(', ')}`);
    expect(svg.title).toBe(svg['@_aria-label']);
  });

  it('in the list’s language, and for the selection only', async () => {
    const de = await cli(['format', '--to', 'svg', '--locale', 'de-DE', '--selected']);
    expect(de.stdout).toMatch(/aria-label="Publikationen pro Jahr: [^"]+"/);
    const total = [...de.stdout.matchAll(/(\d{4}): (\d+)/g)].reduce((n, m) => n + Number(m[2]), 0);
    expect(total / 2).toBe(5);
  });
});
