/**
 * The value grammar of the BibTeX scanner (store/scan.ts): fields, values joined by `#`, balanced braces, space and
 * `%` comments. A value that breaks the grammar throws a ScanError at its offset; the scanner turns it into a problem
 * and resumes at the next entry.
 */
import type { RawField, Span, ValuePart } from '../model/syntax.js';

export const AT = 0x40;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const LPAREN = 0x28;
export const RPAREN = 0x29;
export const QUOTE = 0x22;
export const COMMA = 0x2c;
export const EQUALS = 0x3d;
export const HASH = 0x23;
export const PERCENT = 0x25;

/** Characters BibTeX does not allow in identifiers (field names, macro names, entry types). */
/** The ASCII characters that end a name (a field, a key's type, a macro): a table, read once per character. */
const NOT_IDENT = new Uint8Array(128);
for (const c of ' \t\r\n\f\v"#%\'(),={}') NOT_IDENT[c.charCodeAt(0)] = 1;
export const ENTRY_START = /^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t\r\n]*[{(]/gm;
export const ENTRY_AT_LINE = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/y;

export class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b;
}

export function isIdent(code: number): boolean {
  // NaN is past the end of the text
  return code < 128 ? NOT_IDENT[code] === 0 : code === code;
}

/** What the outline scan (`collect` false) returns for a field or an operand: checked, not built. */
const UNBUILT_SPAN: Span = { start: 0, end: 0 };
const UNBUILT_PART: ValuePart = { kind: 'number', span: UNBUILT_SPAN, text: '' };
const NO_PARTS: ValuePart[] = [];
const UNBUILT_FIELD: RawField = { name: '', nameSpan: UNBUILT_SPAN, valueSpan: UNBUILT_SPAN, parts: NO_PARTS };

/**
 * Reads fields and values from `pos` on; the scanner (store/scan.ts) reads entries with it. With `collect` false it
 * follows the same grammar and throws the same errors but builds no field (the outline of a store: spans only).
 */
export class ValueScanner {
  protected pos = 0;
  protected collect = true;
  /** Where the name of the field read last starts and ends, for messages about what follows it. */
  private lastNameStart = 0;
  private lastNameEnd = 0;

  constructor(protected readonly src: string) {}

  protected readField(): RawField {
    const { src } = this;
    const nameStart = this.pos;
    while (this.pos < src.length && isIdent(src.charCodeAt(this.pos))) this.pos++;
    if (this.pos === nameStart) {
      throw new ScanError(`expected a field name, found ${describe(src, this.pos)}`, this.pos);
    }
    this.lastNameStart = nameStart;
    this.lastNameEnd = this.pos;
    this.skipSpace();
    if (src.charCodeAt(this.pos) !== EQUALS) {
      throw new ScanError(
        `expected "=" after field name "${this.lastFieldName()}", found ${describe(src, this.pos)}`,
        this.pos,
      );
    }
    this.pos++;
    this.skipSpace();
    const valueStart = this.pos;
    const parts = this.readValue();
    if (!this.collect) return UNBUILT_FIELD;
    const last = parts[parts.length - 1];
    const nameSpan: Span = { start: nameStart, end: this.lastNameEnd };
    return {
      name: this.lastFieldName(),
      nameSpan,
      parts,
      valueSpan: { start: valueStart, end: last ? last.span.end : valueStart },
    };
  }

  /** The field read last, lower-cased ('' before the first). */
  protected lastFieldName(): string {
    return this.src.slice(this.lastNameStart, this.lastNameEnd).toLowerCase();
  }

  protected readValue(): ValuePart[] {
    const first = this.readOperand();
    const parts: ValuePart[] = this.collect ? [first] : NO_PARTS;
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      if (this.src.charCodeAt(this.pos) !== HASH) {
        this.pos = save;
        return parts;
      }
      this.pos++;
      this.skipSpace();
      const next = this.readOperand();
      if (this.collect) parts.push(next);
    }
  }

  protected readOperand(): ValuePart {
    const { src } = this;
    const start = this.pos;
    const c = src.charCodeAt(start);
    if (c === LBRACE) {
      const end = this.skipBalancedValue(start);
      this.pos = end;
      if (!this.collect) return UNBUILT_PART;
      return { kind: 'braced', span: { start, end }, text: src.slice(start + 1, end - 1) };
    }
    if (c === QUOTE) {
      let i = start + 1;
      let depth = 0;
      for (; i < src.length; i++) {
        const d = src.charCodeAt(i);
        if (d === 0x0a && this.entryStartsAfter(i)) {
          throw new ScanError('quoted value is not closed before the next entry', start);
        }
        if (d === LBRACE) depth++;
        else if (d === RBRACE) {
          if (depth === 0) throw new ScanError('unbalanced "}" inside a quoted value', i);
          depth--;
        } else if (d === QUOTE && depth === 0) break;
      }
      if (i >= src.length) throw new ScanError('quoted value is not closed before the end of the file', start);
      this.pos = i + 1;
      if (!this.collect) return UNBUILT_PART;
      return { kind: 'quoted', span: { start, end: i + 1 }, text: src.slice(start + 1, i) };
    }
    if (c >= 0x30 && c <= 0x39) {
      let i = start;
      while (i < src.length && src.charCodeAt(i) >= 0x30 && src.charCodeAt(i) <= 0x39) i++;
      // "2020a" is not a number: read it as a macro name so that it is reported as an undefined string.
      if (i < src.length && isIdent(src.charCodeAt(i))) return this.readMacro(start);
      this.pos = i;
      if (!this.collect) return UNBUILT_PART;
      return { kind: 'number', span: { start, end: i }, text: src.slice(start, i) };
    }
    if (isIdent(c)) return this.readMacro(start);
    throw new ScanError(
      `expected a value ({…}, "…", a number or a @string name), found ${describe(src, start)}`,
      start,
    );
  }

  protected readMacro(start: number): ValuePart {
    const { src } = this;
    let i = start;
    while (i < src.length && isIdent(src.charCodeAt(i))) i++;
    this.pos = i;
    if (!this.collect) return UNBUILT_PART;
    return { kind: 'macro', span: { start, end: i }, name: src.slice(start, i).toLowerCase() };
  }

  /**
   * From the `{` that opens a value, the offset just past its partner. A line that starts a new entry inside the value
   * means the brace was never closed: reported at the brace, so the next entry is still read.
   */
  protected skipBalancedValue(openAt: number): number {
    const { src } = this;
    let depth = 0;
    for (let i = openAt; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === LBRACE) depth++;
      else if (c === RBRACE) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (c === 0x0a && this.entryStartsAfter(i)) {
        throw new ScanError('unbalanced braces: "{" is not closed before the next entry', openAt);
      }
    }
    throw new ScanError('unbalanced braces: "{" is never closed', openAt);
  }

  /** True when the line after the line break at `newline` starts an entry (`@article{`). */
  protected entryStartsAfter(newline: number): boolean {
    ENTRY_AT_LINE.lastIndex = newline + 1;
    return ENTRY_AT_LINE.test(this.src);
  }

  /** From an opening `{` (or `(` for @comment), the offset just past its balanced partner. */
  protected skipBalanced(openAt: number): number {
    const { src } = this;
    const open = src.charCodeAt(openAt);
    const close = open === LPAREN ? RPAREN : RBRACE;
    let depth = 0;
    for (let i = openAt; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new ScanError('unbalanced braces: "{" is never closed', openAt);
  }

  protected expectClose(close: number): void {
    const c = this.src.charCodeAt(this.pos);
    if (c !== close) {
      throw new ScanError(`expected "${String.fromCharCode(close)}", found ${describe(this.src, this.pos)}`, this.pos);
    }
    this.pos++;
  }

  /**
   * Space, and `%` comments where a field, a comma or the closing delimiter is expected (`% note = {...},` on a line
   * of its own, or after a field): biber and the site generators skip them, and people comment fields out so.
   */
  protected skipSpaceAndComments(): void {
    const { src } = this;
    for (;;) {
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== PERCENT) return;
      const end = src.slice(this.pos).search(/[\r\n]/);
      this.pos = end === -1 ? src.length : this.pos + end + 1;
    }
  }

  protected skipSpace(): void {
    const { src } = this;
    while (this.pos < src.length && isSpace(src.charCodeAt(this.pos))) this.pos++;
  }
}

export function describe(src: string, pos: number): string {
  if (pos >= src.length) return 'the end of the file';
  const ch = src[pos] ?? '';
  if (ch === '\n' || ch === '\r') return 'a line break';
  return `"${ch}"`;
}
