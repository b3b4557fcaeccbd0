import { describe, expect, it } from 'vitest';
import { compareNewestFirst, sortNewestFirst, type Arrangeable } from '../../src/render/sort.js';

/** Items with every kind of date the sort meets: none, year only, year and month, an odd month, text, zero. */
function items(count: number, seed: number): Arrangeable[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const dates = [
    () => undefined,
    () => ({ 'date-parts': [[2000 + next(5)]] }),
    () => ({ 'date-parts': [[2000 + next(5), 1 + next(12)]] }),
    () => ({ 'date-parts': [[2000 + next(5), 13 + next(3)]] }),
    () => ({ 'date-parts': [[0]] }),
    () => ({ 'date-parts': [['2003', '4']] }),
    () => ({ literal: 'forthcoming' }),
    () => ({ 'date-parts': [[-(1 + next(300)), 1 + next(12)]] }),
  ];
  return Array.from({ length: count }, (_, index) => {
    const issued = (dates[next(dates.length)] as () => unknown)();
    return {
      id: `e${index}`,
      ...(issued ? { issued: issued as Arrangeable['issued'] } : {}),
      custom: { index: next(count * 2), kind: 'journal' as const, selected: false },
    };
  });
}

describe('sortNewestFirst', () => {
  it('orders as compareNewestFirst does, for every kind of date and tie, in store order or not', () => {
    for (const seed of [1, 7, 42, 2024]) {
      const shuffled = items(500, seed);
      const inStoreOrder = [...shuffled]
        .sort((a, b) => a.custom.index - b.custom.index)
        .filter((x, i, all) => i === 0 || x.custom.index !== all[i - 1]?.custom.index);
      for (const list of [shuffled, inStoreOrder]) {
        expect(sortNewestFirst(list).map((x) => x.id)).toEqual([...list].sort(compareNewestFirst).map((x) => x.id));
      }
    }
  });

  it('puts undated entries first, then newest year and month, and leaves its input as it was', () => {
    const list: Arrangeable[] = [
      { id: 'old', issued: { 'date-parts': [[2019, 3]] }, custom: { index: 0, kind: 'journal', selected: false } },
      { id: 'year', issued: { 'date-parts': [[2021]] }, custom: { index: 1, kind: 'journal', selected: false } },
      { id: 'may', issued: { 'date-parts': [[2021, 5]] }, custom: { index: 2, kind: 'journal', selected: false } },
      { id: 'none', custom: { index: 3, kind: 'journal', selected: false } },
    ];
    expect(sortNewestFirst(list).map((x) => x.id)).toEqual(['none', 'year', 'may', 'old']);
    expect(list.map((x) => x.id)).toEqual(['old', 'year', 'may', 'none']);
  });

  it('orders years that are not whole numbers, or huge, as the comparator does', () => {
    const at = (index: number, parts: (number | string)[]): Arrangeable => ({
      id: `e${index}`,
      issued: { 'date-parts': [parts] },
      custom: { index, kind: 'journal', selected: false },
    });
    for (const odd of [
      [2020.5, 13],
      ['1e300', 2],
    ]) {
      const list = [at(0, [2021, 1]), at(1, odd as (number | string)[]), at(2, [2020, 12]), at(3, [2021])];
      expect(sortNewestFirst(list).map((x) => x.id)).toEqual([...list].sort(compareNewestFirst).map((x) => x.id));
    }
  });
});
