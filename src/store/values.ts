/** Resolution of field values: `#` concatenation, `@string` macros and BibTeX's predefined month macros. */
import type { ValuePart } from '../model/syntax.js';

import { MONTH_MACRO_VALUES } from '../model/months.js';

export interface ResolvedValue {
  readonly text: string;
  /** Macro names that are neither defined by `@string` nor predefined. */
  readonly undefinedMacros: readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

export function resolveValue(parts: readonly ValuePart[], strings: ReadonlyMap<string, string>): ResolvedValue {
  // one braced or quoted part, the common value: its text as it is
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && only.kind !== 'macro') return { text: only.text, undefinedMacros: NONE };
  let text = '';
  let undefinedMacros: string[] | undefined;
  for (const part of parts) {
    if (part.kind === 'macro') {
      const value = strings.get(part.name) ?? MONTH_MACRO_VALUES[part.name];
      if (value === undefined) (undefinedMacros ??= []).push(part.name);
      else text += value;
    } else {
      text += part.text;
    }
  }
  return { text, undefinedMacros: undefinedMacros ?? NONE };
}
