/**
 * Lossless edits of a .bib file: each edit replaces one span, so everything else stays byte-identical. A changed
 * entry keeps its key, field order, indentation and delimiters; new fields are appended in the entry's own style
 * (or the file's, for one-line entries). Pure.
 */
import type { RawEntry, RawField } from './syntax.js';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FieldValue {
  readonly text: string;
  /** A macro or number written without delimiters (`month = jun`). */
  readonly bare?: boolean;
}

export interface EntryStyle {
  readonly newline: string;
  readonly indent: string;
  /** Column of `=` when the entry aligns them, else undefined. */
  readonly equalsColumn?: number;
  /** Text around `=`: before and after. */
  readonly beforeEquals: string;
  readonly afterEquals: string;
  readonly quotes: boolean;
  readonly trailingComma: boolean;
}

const DEFAULT_STYLE: EntryStyle = {
  newline: '\n',
  indent: '  ',
  beforeEquals: ' ',
  afterEquals: ' ',
  quotes: false,
  trailingComma: false,
};

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

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function isMultiLine(source: string, entry: RawEntry): boolean {
  return source.slice(entry.span.start, entry.closeAt).includes('\n');
}

/** The style of an entry, when it is written one field per line. */
function styleOf(source: string, entry: RawEntry): EntryStyle | undefined {
  const fields = entry.fields.filter((f) => {
    const before = source.slice(lineStart(source, f.nameSpan.start), f.nameSpan.start);
    return /^[ \t]*$/.test(before);
  });
  const first = fields[0];
  if (!first || !isMultiLine(source, entry)) return undefined;
  const indent = source.slice(lineStart(source, first.nameSpan.start), first.nameSpan.start);
  const between = source.slice(first.nameSpan.end, first.valueSpan.start);
  const eq = between.indexOf('=');
  const columns = fields.map((f) => source.indexOf('=', f.nameSpan.end) - lineStart(source, f.nameSpan.start));
  const aligned =
    fields.length > 1 && columns.every((c) => c === columns[0]) && new Set(fields.map((f) => f.name.length)).size > 1;
  const last = entry.fields[entry.fields.length - 1] as RawField;
  const afterLast = source.slice(last.valueSpan.end, entry.closeAt);
  return {
    newline: newlineOf(source),
    indent,
    ...(aligned ? { equalsColumn: columns[0] as number } : {}),
    beforeEquals: between.slice(0, eq) || ' ',
    afterEquals: between.slice(eq + 1) || ' ',
    quotes: first.parts[0]?.kind === 'quoted',
    trailingComma: afterLast.includes(','),
  };
}

/** The style of the file: that of its first entry written one field per line. */
export function fileStyle(source: string, entries: readonly RawEntry[]): EntryStyle {
  for (const entry of entries) {
    const style = styleOf(source, entry);
    if (style) return style;
  }
  return { ...DEFAULT_STYLE, newline: newlineOf(source) };
}

export function entryStyle(source: string, entry: RawEntry, fallback: EntryStyle): EntryStyle {
  return styleOf(source, entry) ?? fallback;
}

/** A value with its delimiters. Quotes are used only where the text can sit inside them. */
export function writeValue(value: FieldValue, style: EntryStyle): string {
  if (value.bare) return value.text;
  if (style.quotes && !hasTopLevelQuote(value.text)) return `"${value.text}"`;
  return `{${value.text}}`;
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
  const pad =
    style.equalsColumn !== undefined
      ? ' '.repeat(Math.max(1, style.equalsColumn - style.indent.length - name.length))
      : style.beforeEquals;
  return `${name}${pad}=${style.afterEquals}${writeValue(value, style)}`;
}

export function replaceValue(field: RawField, value: FieldValue, style: EntryStyle): TextEdit {
  return { start: field.valueSpan.start, end: field.valueSpan.end, text: writeValue(value, style) };
}

/** Removes a field with its line (or, on a one-line entry, with its comma). */
export function removeField(source: string, entry: RawEntry, field: RawField): TextEdit {
  const index = entry.fields.indexOf(field);
  const next = entry.fields[index + 1];
  const start = lineStart(source, field.nameSpan.start);
  const ownLine = /^[ \t]*$/.test(source.slice(start, field.nameSpan.start));
  if (ownLine) {
    const after = source.slice(field.valueSpan.end);
    const m = /^[ \t]*,?[ \t]*\r?\n/.exec(after);
    if (m) return { start, end: field.valueSpan.end + m[0].length, text: '' };
  }
  if (next) return { start: field.nameSpan.start, end: next.nameSpan.start, text: '' };
  const previous = entry.fields[index - 1];
  return { start: previous ? previous.valueSpan.end : field.nameSpan.start, end: field.valueSpan.end, text: '' };
}

export function setEntryType(entry: RawEntry, source: string, type: string): TextEdit {
  const written = source.slice(entry.typeSpan.start, entry.typeSpan.end);
  // keep the file's capitalisation habit: @Article stays capitalised
  const cased = written[0] === written[0]?.toUpperCase() ? type[0]?.toUpperCase() + type.slice(1) : type;
  return { start: entry.typeSpan.start, end: entry.typeSpan.end, text: cased };
}

/** Appends fields at the end of an entry, in its style; a one-line entry gets the file's style and its own lines. */
export function appendFields(
  source: string,
  entry: RawEntry,
  fields: ReadonlyArray<readonly [string, FieldValue]>,
  fallback: EntryStyle,
): TextEdit | undefined {
  if (fields.length === 0) return undefined;
  const own = styleOf(source, entry);
  const style = own ?? fallback;
  const nl = style.newline;
  const lines = fields.map(([name, value]) => style.indent + writeField(name, value, style));
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
    return { start: at, end: at, text };
  }
  const afterLast = source.slice(last.valueSpan.end, entry.closeAt);
  const comma = afterLast.indexOf(',');
  if (comma !== -1) {
    const at = last.valueSpan.end + comma + 1;
    return { start: at, end: at, text: lines.map((l) => nl + l + ',').join('') + (closeNeedsLine ? nl : '') };
  }
  const at = last.valueSpan.end;
  return { start: at, end: at, text: lines.map((l) => `,${nl}${l}`).join('') + (closeNeedsLine ? nl : '') };
}

/** A whole new entry in the file's style. */
export function writeEntry(
  type: string,
  key: string,
  fields: ReadonlyArray<readonly [string, FieldValue]>,
  style: EntryStyle,
): string {
  const nl = style.newline;
  const body = fields.map(([name, value]) => style.indent + writeField(name, value, style));
  return `@${type}{${key},${nl}${body.join(`,${nl}`)}${style.trailingComma ? ',' : ''}${nl}}${nl}`;
}

/** Appends new entries at the end of the file, separated by a blank line. */
export function appendEntries(source: string, texts: readonly string[], style: EntryStyle): TextEdit | undefined {
  if (texts.length === 0) return undefined;
  const nl = style.newline;
  let prefix = '';
  if (source.length > 0 && !source.endsWith('\n')) prefix = nl + nl;
  else if (source.length > 0 && !source.endsWith(`${nl}${nl}`)) prefix = nl;
  return { start: source.length, end: source.length, text: prefix + texts.join(nl) };
}

/** The file's own line ending for new text: CRLF, LF, or CR alone (old Mac files). */
export function newlineOf(source: string): string {
  if (source.includes('\r\n')) return '\r\n';
  if (source.includes('\r') && !source.includes('\n')) return '\r';
  return '\n';
}
