/**
 * The scanner's problems in a reader's words: the line, column and snippet of the place, the line where the entry
 * starts, and what to write instead. The lines of the file are counted on the first problem, not before.
 */
import type { SyntaxProblem } from '../model/syntax.js';
import { LineIndex } from './lines.js';
import { ENTRY_START, ScanError } from './scan-values.js';

export class ScanProblems {
  private lines: LineIndex | undefined;

  constructor(private readonly src: string) {}

  private index(): LineIndex {
    this.lines ??= new LineIndex(this.src);
    return this.lines;
  }

  problem(message: string, offset: number, at: number, type: string, key?: string): SyntaxProblem {
    const lines = this.index();
    return {
      message,
      offset,
      line: lines.line(offset),
      column: lines.column(offset),
      snippet: lines.snippet(offset),
      type,
      entryLine: lines.line(at),
      ...(key !== undefined ? { key } : {}),
    };
  }

  /**
   * An `@type` at the start of a line that opens no group is an entry BibTeX cannot read ("," immediately follows
   * an entry type), not text: an `@` inside a line (an e-mail address) and a one-line `@comment` are text.
   */
  brokenHeader(at: number): SyntaxProblem | undefined {
    const { src } = this;
    const lineStart = src.lastIndexOf('\n', at - 1) + 1;
    if (src.slice(lineStart, at).trim() !== '') return undefined;
    const m = /^@[ \t]*([A-Za-z][\w-]*)([ \t]*)(.?)/.exec(src.slice(at, at + 200));
    if (!m) return undefined;
    const type = (m[1] ?? '').toLowerCase();
    if (type === 'comment') return undefined;
    const offset = at + m[0].length - (m[3] ? 1 : 0);
    const found = m[3] ? `"${m[3]}"` : offset >= src.length ? 'the end of the file' : 'a line break';
    return this.problem(`"@${m[1]}" is followed by ${found}, not by "{": write @${m[1]}{key, ...}`, offset, at, type);
  }

  /**
   * An entry (opening at `at`) whose "}" is missing, reported where it opens (the line a reader looks for), naming
   * the line where the next entry begins (at `next`).
   */
  notClosed(at: number, next: number, hint: string): ScanError {
    return new ScanError(
      `this entry is not closed: its "}" is missing before the next entry, on line ${this.index().line(next)}${hint}`,
      at,
    );
  }
}

/** The next line (after `from`) of `src` that starts an entry, or the end of the file. */
export function resumePoint(src: string, from: number): number {
  const nextLine = src.indexOf('\n', from);
  if (nextLine === -1) return src.length;
  ENTRY_START.lastIndex = nextLine + 1;
  const m = ENTRY_START.exec(src);
  return m ? m.index : src.length;
}
