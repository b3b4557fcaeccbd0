/** The whole path from .bib text to CSL items, with every problem found on the way. Pure. */
import { toCslItems, type MappingOptions } from './csl/mapping.js';
import type { CslItem } from './csl/types.js';
import type { Problem } from './model/problems.js';
import type { ParsedStore } from './store/parse.js';
import {
  DEFAULT_MACROS,
  preambleMacros,
  preambleTexts as textsOf,
  type Macros,
} from './conventions/preamble-macros.js';

/** The commands a store's `@preamble` blocks define, over the sorting macros. */
export function storeMacros(store: ParsedStore): Macros {
  const preambles = textsOf(store.scan, store.strings);
  return preambles.length === 0 ? DEFAULT_MACROS : preambleMacros(preambles);
}

export interface Publications {
  readonly store: ParsedStore;
  readonly items: readonly CslItem[];
  readonly problems: readonly Problem[];
}

export function publicationsOf(store: ParsedStore, options: MappingOptions = {}): Publications {
  const macros = storeMacros(store);
  const context = macros.size > DEFAULT_MACROS.size ? JSON.stringify([...macros]) : '';
  const mapped = toCslItems(store.entries, store.file, {
    ...options,
    macros,
    ...(options.cacheContext !== undefined ? { cacheContext: options.cacheContext + context } : {}),
  });
  return { store, items: mapped.items, problems: [...store.problems, ...mapped.problems] };
}
