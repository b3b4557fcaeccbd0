/**
 * A store rewrite that is checked before anyone may write it: the edits are applied, the new text is parsed again,
 * and it must hold exactly the entries and fields the edits say: the same entries in the same order with the new
 * ones at the end, every field the edits did not name with its value byte for byte, every field they set with the
 * value they wrote, nothing else. Anything more (a field or an entry that a value smuggled in) throws
 * StoreRewriteError, and the caller writes nothing. Pure.
 */
import { applyEdits, type EditEffect, type TextEdit } from './edit.js';
import { parseStore, type ParsedStore } from './parse.js';
import type { RawEntry } from '../model/syntax.js';
import { StoreRewriteError } from './errors.js';

interface Shape {
  type: string;
  /** Field name -> the value as written (delimiters included). */
  readonly fields: Map<string, string>;
}

function shapeOf(source: string, entry: RawEntry): Shape {
  const fields = new Map<string, string>();
  for (const f of entry.fields)
    if (!fields.has(f.name)) fields.set(f.name, source.slice(f.valueSpan.start, f.valueSpan.end));
  return { type: entry.type, fields };
}

function apply(shapes: Map<string, Shape>, order: string[], effect: EditEffect): void {
  if (effect.kind === 'create') {
    for (const e of effect.entries) {
      order.push(e.key);
      shapes.set(e.key, { type: e.type, fields: new Map(e.fields) });
    }
    return;
  }
  const shape = shapes.get(effect.key);
  if (!shape) throw new StoreRewriteError(`an edit names entry "${effect.key}", which the store does not hold`);
  if (effect.kind === 'type') shape.type = effect.type;
  else if (effect.kind === 'remove') shape.fields.delete(effect.field);
  else for (const [name, written] of effect.fields) shape.fields.set(name, written);
}

/** The edits applied, and the result parsed back and compared with what they say; throws StoreRewriteError. */
export function rewriteStore(store: ParsedStore, edits: readonly TextEdit[]): string {
  const source = store.scan.source;
  if (edits.length === 0) return source;
  const next = applyEdits(source, edits);
  const expected = new Map<string, Shape>();
  const order: string[] = [];
  for (const entry of store.entries) {
    // a duplicate key keeps its first entry's shape; the later ones are compared by position below
    order.push(entry.key);
    if (!expected.has(entry.key)) expected.set(entry.key, shapeOf(source, entry.raw));
  }
  for (const edit of edits) {
    if (!edit.effect) throw new StoreRewriteError('an edit without a stated effect cannot be checked');
    apply(expected, order, edit.effect);
  }
  const reparsed = parseStore(next, store.file);
  const fail = (what: string): never => {
    throw new StoreRewriteError(
      `${store.file}: the rewritten store does not hold what the sync planned (${what}); nothing was written`,
    );
  };
  if (!reparsed.lossless) fail('it no longer parses');
  if (reparsed.entries.length !== order.length)
    fail(`${reparsed.entries.length} entries where ${order.length} were planned`);
  const seen = new Set<string>();
  reparsed.entries.forEach((entry, i) => {
    const key = order[i] as string;
    if (entry.key !== key) fail(`entry ${i + 1} is "${entry.key}", planned "${key}"`);
    if (seen.has(key)) return;
    seen.add(key);
    const want = expected.get(key) as Shape;
    const got = shapeOf(next, entry.raw);
    if (got.type !== want.type) fail(`entry "${key}" has type ${got.type}, planned ${want.type}`);
    for (const [name, written] of got.fields) {
      const planned = want.fields.get(name);
      if (planned === undefined) fail(`entry "${key}" has a field "${name}" that was not planned`);
      if (planned !== written) fail(`entry "${key}": field "${name}" is not the value planned`);
    }
    for (const name of want.fields.keys()) if (!got.fields.has(name)) fail(`entry "${key}" lost its field "${name}"`);
  });
  const others = (s: ParsedStore) => s.scan.blocks.filter((b) => b.kind !== 'entry' && b.kind !== 'junk').length;
  if (others(reparsed) !== others(store)) fail('its @string, @preamble or @comment blocks changed');
  return next;
}

export { StoreRewriteError };
