/** Grouping with headings: by year (newest first) or by publication type (journal, conference, workshop, preprint, other). */
import { KIND_HEADINGS } from '../csl/mapping-tables.js';
import type { CslItem } from '../csl/types.js';
import { yearOf, type Arrangeable } from './sort.js';
import { pageStrings } from '../page/strings.js';

export type GroupBy = 'none' | 'year' | 'type';

export interface Group<T extends Arrangeable = CslItem> {
  readonly heading?: string;
  readonly items: readonly T[];
}

/** Groups sorted items, keeping their order inside each group. */
export function groupItems<T extends Arrangeable>(sorted: readonly T[], by: GroupBy, locale = 'en-US'): Group<T>[] {
  const words = pageStrings(locale);
  if (by === 'none') return [{ items: sorted }];
  if (by === 'year') {
    const groups = new Map<string, T[]>();
    for (const item of sorted) {
      const heading = String(yearOf(item) ?? words.forthcoming);
      const list = groups.get(heading) ?? [];
      list.push(item);
      groups.set(heading, list);
    }
    return [...groups].map(([heading, items]) => ({ heading, items }));
  }
  return KIND_HEADINGS.map(([kind]) => ({
    heading: words.kinds[kind],
    items: sorted.filter((item) => item.custom.kind === kind),
  })).filter((g) => g.items.length > 0);
}
