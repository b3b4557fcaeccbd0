/** Newest first: year, then month, then the entry's position in the store (a stable, predictable tie-break). */
import type { CslItem } from '../csl/types.js';

/** What ordering and grouping read of an entry: its date, its place in the store, its kind and selection. */
export interface Arrangeable {
  readonly id: string;
  readonly issued?: CslItem['issued'];
  readonly custom: Pick<CslItem['custom'], 'index' | 'kind' | 'selected'>;
}

/** Year of an item, or undefined when it has none. */
export function yearOf(item: Pick<Arrangeable, 'issued'>): number | undefined {
  const year = Number(item.issued?.['date-parts']?.[0]?.[0]);
  return Number.isFinite(year) && year !== 0 ? year : undefined;
}

/** Month 1–12; an entry dated by year alone sorts as the end of that year (it may be from any month of it). */
function monthOf(item: Pick<Arrangeable, 'issued'>): number {
  const month = Number(item.issued?.['date-parts']?.[0]?.[1]);
  return month >= 1 && month <= 12 ? month : 13;
}

export function compareNewestFirst(a: Arrangeable, b: Arrangeable): number {
  const ya = yearOf(a) ?? Number.POSITIVE_INFINITY; // undated (forthcoming) entries first
  const yb = yearOf(b) ?? Number.POSITIVE_INFINITY;
  if (ya !== yb) return yb - ya;
  const ma = monthOf(a);
  const mb = monthOf(b);
  if (ma !== mb) return mb - ma;
  return a.custom.index - b.custom.index;
}

/**
 * The items in compareNewestFirst's order. Each item's year and month are read once, not at each comparison (a
 * 10,000-entry list compared its dates 130,000 times: 30 ms against 5).
 */
export function sortNewestFirst<T extends Arrangeable>(items: readonly T[]): T[] {
  const years = new Float64Array(items.length);
  const months = new Uint8Array(items.length);
  const order: number[] = [];
  items.forEach((item, i) => {
    years[i] = yearOf(item) ?? Number.POSITIVE_INFINITY;
    months[i] = monthOf(item);
    order.push(i);
  });
  order.sort((i, j) => {
    const yi = years[i] as number;
    const yj = years[j] as number;
    if (yi !== yj) return yj - yi;
    if (months[i] !== months[j]) return (months[j] as number) - (months[i] as number);
    return (items[i] as T).custom.index - (items[j] as T).custom.index;
  });
  return order.map((i) => items[i] as T);
}
