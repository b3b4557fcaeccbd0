/**
 * Lossless edits of a .bib file: each edit replaces one span, so everything else stays byte-identical. A changed
 * entry keeps its key, field order, indentation and delimiters; new fields are appended in the entry's own style
 * (or the file's, for one-line entries). Pure.
 */
import { lineStart, ownStyle, type EntryStyle } from './entry-style.js';
import { fieldText, isBareValue } from './field-text.js';
import type { RawEntry, RawField } from '../model/syntax.js';

/**
 * What an edit means for the store's structure: the rewrite is checked against it after parsing the new text again
 * (see rewrite.ts). `written` is a value exactly as it stands in the file, delimiters included.
 */
export type EditEffect =
  | { readonly kind: 'set'; readonly key: string; readonly fields: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: 'remove'; readonly key: string; readonly field: string }
  | { readonly kind: 'type'; readonly key: string; readonly type: string }
  | { readonly kind: 'create'; readonly entries: readonly NewEntryShape[] };

export interface NewEntryShape {
  readonly key: string;
  readonly type: string;
  /** Field name (lower case) and its value as written. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly effect?: EditEffect;
}

/** A new entry: type, key (both checked by the caller's rules) and its fields in order. */
export interface NewEntry {
  readonly type: string;
  readonly key: string;
  readonly fields: ReadonlyArray<readonly [string, FieldValue]>;
}

export interface FieldValue {
  readonly text: string;
  /** A macro or number written without delimiters (`month = jun`). */
  readonly bare?: boolean;
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

/**
 * A value with its delimiters: the one way text enters the store. Braced text passes `fieldText` (a value, never
 * syntax); a bare value must be a number or macro name, else it is braced. Quotes are used only where the text can
 * sit inside them.
 */
export function writeValue(value: FieldValue, style: EntryStyle): string {
  if (value.bare && isBareValue(value.text)) return value.text;
  const text = fieldText(value.text);
  if (style.quotes && !hasTopLevelQuote(text)) return `"${text}"`;
  return `{${text}}`;
}

function hasTopLevelQuote(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '"' && depth === 0) return true;
  }
  return false;
}

export function writeField(name: string, value: FieldValue, style: EntryStyle): string {
  if (!/^[A-Za-z][A-Za-z0-9_+:.-]*$/.test(name)) throw new Error(`not a field name: ${JSON.stringify(name)}`);
  const pad =
    style.equalsColumn !== undefined
      ? ' '.repeat(Math.max(1, style.equalsColumn - style.indent.length - name.length))
      : style.beforeEquals;
  return `${name}${pad}=${style.afterEquals}${writeValue(value, style)}`;
}

export function replaceValue(entry: RawEntry, field: RawField, value: FieldValue, style: EntryStyle): TextEdit {
  const text = writeValue(value, style);
  return {
    start: field.valueSpan.start,
    end: field.valueSpan.end,
    text,
    effect: { kind: 'set', key: entry.key, fields: [[field.name, text]] },
  };
}

/** Removes a field with its line (or, on a one-line entry, with its comma). */
export function removeField(source: string, entry: RawEntry, field: RawField): TextEdit {
  const index = entry.fields.indexOf(field);
  const next = entry.fields[index + 1];
  const effect: EditEffect = { kind: 'remove', key: entry.key, field: field.name };
  const start = lineStart(source, field.nameSpan.start);
  const ownLine = /^[ \t]*$/.test(source.slice(start, field.nameSpan.start));
  if (ownLine) {
    const after = source.slice(field.valueSpan.end);
    const m = /^[ \t]*,?[ \t]*\r?\n/.exec(after);
    if (m) return { start, end: field.valueSpan.end + m[0].length, text: '', effect };
  }
  if (next) return { start: field.nameSpan.start, end: next.nameSpan.start, text: '', effect };
  const previous = entry.fields[index - 1];
  return {
    start: previous ? previous.valueSpan.end : field.nameSpan.start,
    end: field.valueSpan.end,
    text: '',
    effect,
  };
}

export function setEntryType(entry: RawEntry, source: string, type: string): TextEdit {
  const written = source.slice(entry.typeSpan.start, entry.typeSpan.end);
  // keep the file's capitalisation habit: @Article stays capitalised
  if (!/^[a-z]+$/.test(type)) throw new Error(`not an entry type: ${JSON.stringify(type)}`);
  const cased = written[0] === written[0]?.toUpperCase() ? type[0]?.toUpperCase() + type.slice(1) : type;
  return {
    start: entry.typeSpan.start,
    end: entry.typeSpan.end,
    text: cased,
    effect: { kind: 'type', key: entry.key, type },
  };
}

/** Appends fields at the end of an entry, in its style; a one-line entry gets the file's style and its own lines. */
export function appendFields(
  source: string,
  entry: RawEntry,
  fields: ReadonlyArray<readonly [string, FieldValue]>,
  fallback: EntryStyle,
): TextEdit | undefined {
  if (fields.length === 0) return undefined;
  const own = ownStyle(source, entry);
  const style = own ?? fallback;
  const nl = style.newline;
  const lines = fields.map(([name, value]) => style.indent + writeField(name, value, style));
  const effect: EditEffect = {
    kind: 'set',
    key: entry.key,
    fields: fields.map(([name, value]) => [name.toLowerCase(), writeValue(value, style)] as const),
  };
  const last = entry.fields[entry.fields.length - 1];
  const closeNeedsLine = !source.slice(last ? last.valueSpan.end : entry.keySpan.end, entry.closeAt).includes('\n');
  if (!last) {
    const afterKey = source.slice(entry.keySpan.end, entry.closeAt);
    const comma = afterKey.indexOf(',');
    const at = comma === -1 ? entry.keySpan.end : entry.keySpan.end + comma + 1;
    const text =
      (comma === -1 ? ',' : '') +
      nl +
      lines.join(`,${nl}`) +
      (style.trailingComma ? ',' : '') +
      (closeNeedsLine ? nl : '');
    return { start: at, end: at, text, effect };
  }
  const afterLast = source.slice(last.valueSpan.end, entry.closeAt);
  const comma = afterLast.indexOf(',');
  if (comma !== -1) {
    const at = last.valueSpan.end + comma + 1;
    return {
      start: at,
      end: at,
      text: lines.map((l) => nl + l + ',').join('') + (closeNeedsLine ? nl : ''),
      effect,
    };
  }
  const at = last.valueSpan.end;
  return { start: at, end: at, text: lines.map((l) => `,${nl}${l}`).join('') + (closeNeedsLine ? nl : ''), effect };
}

/** A whole new entry in the file's style. Its type and key must be BibTeX names (checked: never syntax). */
export function writeEntry(entry: NewEntry, style: EntryStyle): string {
  const { type, key, fields } = entry;
  if (!/^[A-Za-z]+$/.test(type)) throw new Error(`not an entry type: ${JSON.stringify(type)}`);
  if (!/^[^\s{}(),=#%"@\\~]+$/u.test(key)) throw new Error(`not a citation key: ${JSON.stringify(key)}`);
  const nl = style.newline;
  const body = fields.map(([name, value]) => style.indent + writeField(name, value, style));
  return `@${type}{${key},${nl}${body.join(`,${nl}`)}${style.trailingComma ? ',' : ''}${nl}}${nl}`;
}

/** Appends new entries at the end of the file, separated by a blank line. */
export function appendEntries(source: string, entries: readonly NewEntry[], style: EntryStyle): TextEdit | undefined {
  if (entries.length === 0) return undefined;
  const nl = style.newline;
  let prefix = '';
  if (source.length > 0 && !source.endsWith('\n')) prefix = nl + nl;
  else if (source.length > 0 && !source.endsWith(`${nl}${nl}`)) prefix = nl;
  return {
    start: source.length,
    end: source.length,
    text: prefix + entries.map((e) => writeEntry(e, style)).join(nl),
    effect: {
      kind: 'create',
      entries: entries.map((e) => ({
        key: e.key,
        type: e.type.toLowerCase(),
        fields: e.fields.map(([name, value]) => [name.toLowerCase(), writeValue(value, style)] as const),
      })),
    },
  };
}
