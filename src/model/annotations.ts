/**
 * biblatex data annotations (biblatex manual §3.7, "Data Annotations"): `author+an = {2=equal; 3=equal,corresponding}`.
 *
 * Item annotations (`N=…`) attach to the Nth name of the list; part annotations (`N:family=…`) and field annotations
 * (`=…`) are parsed and kept, but only item annotations carry marks in the lists.
 */

export interface ParsedAnnotations {
  /** 1-based name position -> annotation names. */
  readonly items: ReadonlyMap<number, readonly string[]>;
  /** Annotations of the whole field (`=…`). */
  readonly field: readonly string[];
  /** Items that could not be read, verbatim. */
  readonly invalid: readonly string[];
}

const ITEM = /^(\d+)\s*(?::\s*([A-Za-z]+)\s*)?=\s*(.*)$/s;

export function parseAnnotation(text: string): ParsedAnnotations {
  const items = new Map<number, string[]>();
  const field: string[] = [];
  const invalid: string[] = [];
  for (const rawItem of text.split(';')) {
    const item = rawItem.trim();
    if (!item) continue;
    const values = (s: string): string[] =>
      s
        .split(',')
        .map((v) => v.trim().replace(/^"(.*)"$/s, '$1'))
        .filter(Boolean);
    if (item.startsWith('=')) {
      field.push(...values(item.slice(1)));
      continue;
    }
    const m = ITEM.exec(item);
    if (!m) {
      invalid.push(item);
      continue;
    }
    const position = Number(m[1]);
    if (m[2]) continue; // a name-part annotation: valid, carries no mark
    const list = items.get(position) ?? [];
    list.push(...values(m[3] ?? ''));
    items.set(position, list);
  }
  return { items, field, invalid };
}

/** The annotation field name for a data field: `author` -> `author+an`, named: `author+an:roles`. */
export function annotationFieldOf(fieldName: string): { readonly field: string; readonly name: string } | undefined {
  // most fields are no annotation: a substring test before the expression
  if (!fieldName.includes('+an')) return undefined;
  const m = /^(.+)\+an(?::(.+))?$/.exec(fieldName);
  if (!m || !m[1]) return undefined;
  return { field: m[1], name: m[2] ?? 'default' };
}
