/**
 * The lossless syntax tree of a .bib file.
 *
 * Every byte of the input belongs to exactly one block, in order, so the file can be rebuilt from its blocks and any
 * one field or entry can be edited by replacing its span while everything else stays byte-identical.
 * Offsets are UTF-16 code-unit indices into the source string, `[start, end)`.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One operand of a field value; operands are joined with `#`. */
export type ValuePart =
  | { readonly kind: 'braced'; readonly span: Span; readonly text: string }
  | { readonly kind: 'quoted'; readonly span: Span; readonly text: string }
  | { readonly kind: 'number'; readonly span: Span; readonly text: string }
  | { readonly kind: 'macro'; readonly span: Span; readonly name: string };

export interface RawField {
  /** Field name, lower-cased (BibTeX field names are case-insensitive). */
  readonly name: string;
  readonly nameSpan: Span;
  /** From the first operand to the end of the last one. */
  readonly valueSpan: Span;
  readonly parts: readonly ValuePart[];
}

export interface RawEntry {
  readonly kind: 'entry';
  /** Entry type, lower-cased. */
  readonly type: string;
  readonly typeSpan: Span;
  readonly key: string;
  readonly keySpan: Span;
  /** From `@` to the closing delimiter, inclusive. */
  readonly span: Span;
  /** Offset of the closing `}` or `)`. */
  readonly closeAt: number;
  readonly fields: readonly RawField[];
}

export interface StringBlock {
  readonly kind: 'string';
  readonly span: Span;
  readonly field: RawField;
}

export interface PreambleBlock {
  readonly kind: 'preamble';
  readonly span: Span;
  readonly parts: readonly ValuePart[];
}

export interface CommentBlock {
  readonly kind: 'comment';
  readonly span: Span;
}

/** Text between entries: BibTeX ignores it, we keep it byte for byte. */
export interface JunkBlock {
  readonly kind: 'junk';
  readonly span: Span;
}

/** An entry that could not be parsed; kept verbatim, reported, and skipped. */
export interface BrokenBlock {
  readonly kind: 'broken';
  readonly span: Span;
  readonly problem: SyntaxProblem;
}

export type Block = RawEntry | StringBlock | PreambleBlock | CommentBlock | JunkBlock | BrokenBlock;

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  /** The source line where the problem was found, trimmed to a readable length. */
  readonly snippet: string;
  /** The entry's key and type when they were read before the problem. */
  readonly key?: string;
  readonly type?: string;
  /** Line of the `@` that starts the broken entry. */
  readonly entryLine: number;
}

export interface ScanResult {
  readonly source: string;
  readonly blocks: readonly Block[];
}
