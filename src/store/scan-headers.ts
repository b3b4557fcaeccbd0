/** Where a block starts: an `@` on a comment line is text; `@type{` or `@type(` opens a block. Pure. */
import type { Span } from '../model/syntax.js';
import { isIdent, isSpace, LBRACE, LPAREN } from './scan-values.js';

export interface Header {
  readonly type: string;
  readonly typeSpan: Span;
  readonly open: number;
  readonly bodyStart: number;
}

/**
 * Whether the `@` stands on a line that starts with `%` or `#` (a comment line: `%@article{...}`, as sites' tools and
 * LaTeX users read it, and `#@article{...}`, a real CV's entry left out the way a shell script would be).
 */
export function commentedOut(src: string, at: number): boolean {
  // back to the line's start only: a line ends with LF, CRLF or CR alone (old Mac files). Searching the whole file
  // back for a CR that an LF file never has made every `@` cost the file's length (2,000 entries: 0.46 s)
  let lineStart = at;
  while (lineStart > 0) {
    const c = src.charCodeAt(lineStart - 1);
    if (c === 0x0a || c === 0x0d) break;
    lineStart--;
  }
  return /^[ \t]*[%#]/.test(src.slice(lineStart, at));
}

/** `@ type {` or `@ type (`; undefined when the `@` is plain text. */
export function readHeader(src: string, at: number): Header | undefined {
  let i = at + 1;
  while (i < src.length && isSpace(src.charCodeAt(i))) i++;
  const typeStart = i;
  while (i < src.length && isIdent(src.charCodeAt(i))) i++;
  if (i === typeStart) return undefined;
  const type = src.slice(typeStart, i).toLowerCase();
  while (i < src.length && isSpace(src.charCodeAt(i))) i++;
  const open = src.charCodeAt(i);
  if (open !== LBRACE && open !== LPAREN) {
    // `@comment` with no group is a one-line comment for BibTeX.
    return undefined;
  }
  return { type, typeSpan: { start: typeStart, end: typeStart + type.length }, open, bodyStart: i + 1 };
}
