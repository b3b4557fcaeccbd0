/** The whole path from .bib text to CSL items, with every problem found on the way. Pure. */
import { toCslItems, type MappingOptions } from './csl/mapping.js';
import type { CslItem } from './csl/types.js';
import type { Problem } from './model/problems.js';
import type { ParsedStore } from './store/parse.js';

export interface Publications {
  readonly store: ParsedStore;
  readonly items: readonly CslItem[];
  readonly problems: readonly Problem[];
}

export function publicationsOf(store: ParsedStore, options: MappingOptions = {}): Publications {
  const mapped = toCslItems(store.entries, store.file, options);
  return { store, items: mapped.items, problems: [...store.problems, ...mapped.problems] };
}
