/**
 * How a .bib file writes its entries (line breaks, indentation, the text around `=`, quotes or braces, a comma after
 * the last field), read from its own entries, so that edits (edit.ts) write new fields and entries the same way. Pure.
 */
import type { RawEntry, RawField } from '../model/syntax.js';

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

export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function isMultiLine(source: string, entry: RawEntry): boolean {
  return source.slice(entry.span.start, entry.closeAt).includes('\n');
}

/** The style of an entry, when it is written one field per line. */
export function ownStyle(source: string, entry: RawEntry): EntryStyle | undefined {
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
    const style = ownStyle(source, entry);
    if (style) return style;
  }
  return { ...DEFAULT_STYLE, newline: newlineOf(source) };
}

export function entryStyle(source: string, entry: RawEntry, fallback: EntryStyle): EntryStyle {
  return ownStyle(source, entry) ?? fallback;
}

/** The file's own line ending for new text: CRLF, LF, or CR alone (old Mac files). */
export function newlineOf(source: string): string {
  if (source.includes('\r\n')) return '\r\n';
  if (source.includes('\r') && !source.includes('\n')) return '\r';
  return '\n';
}
