/**
 * A selected paper is shown first and in its year too (a visitor browsing by year misses nothing): the embedded
 * store's page, grouped by year with the selected papers first, counts every paper of each year.
 */
import { describe, expect, it } from 'vitest';
import { cli, embeddedItems } from '../helpers.js';

describe('the selected papers on a page grouped by year', () => {
  it('stay in their years: each year counts every paper the store has for it', async () => {
    const run = await cli(['format', '-t', 'html', '--standalone', '--selected-first', '--group-by', 'year']);
    expect(run.code, run.stderr).toBe(0);
    const counts = Object.fromEntries(
      [...run.stdout.matchAll(/<h2 id="[^"]*">([^<]*) <span class="bibfolio-count">\((\d+)\)<\/span>/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );
    const items = embeddedItems();
    const byYear = new Map<string, number>();
    for (const item of items) {
      const year = String(item.issued?.['date-parts']?.[0]?.[0]);
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
    }
    for (const [year, n] of byYear) expect(counts[year], year).toBe(n);
    expect(counts['Selected publications']).toBe(items.filter((i) => i.custom.selected).length);
    // the first copy keeps the citation key as its anchor
    const key = items.find((i) => i.custom.selected)?.custom.key ?? '';
    expect(run.stdout).toContain(`id="${key}"`);
    expect(run.stdout).toContain(`id="${key}-2"`);
  });
});
