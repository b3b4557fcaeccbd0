/**
 * A constant table that text from a store or a service is looked up in (LaTeX command names, field names, macro
 * names, annotation names): without a prototype, so `constructor`, `toString` or `__proto__` find nothing instead
 * of Object's own functions.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
