/**
 * A tolerant, lossless BibTeX scanner.
 *
 * It follows BibTeX's own grammar (text outside entries is ignored, `@comment` skips a balanced group, values are
 * braced, quoted, numbers or macros joined by `#`) and records the span of every entry, key, field name and value.
 * An entry that breaks the grammar is reported with line, column and a snippet, kept verbatim as a broken block,
 * and scanning resumes at the next line that starts an entry: one broken entry never sinks the file.
 */
import type { Block, RawEntry, RawField, ScanResult, Span, SyntaxProblem, ValuePart } from '../model/syntax.js';
import { AT, COMMA, EQUALS, isSpace, LBRACE, RBRACE, RPAREN, ScanError, ValueScanner } from './scan-values.js';
import { resumePoint, ScanProblems } from './scan-problems.js';
import { commentedOut, readHeader, type Header } from './scan-headers.js';

export function scanBibtex(source: string): ScanResult {
  return new Scanner(source).run();
}

/** The scanner; scanBibtex and store/scan-outline.ts run it. */
export class Scanner extends ValueScanner {
  private readonly blocks: Block[] = [];
  private readonly problems = new ScanProblems(this.src);

  outlineOnly(): void {
    this.collect = false;
  }

  entryAt(at: number): RawEntry {
    const header = readHeader(this.src, at);
    if (!header || header.type === 'comment' || header.type === 'preamble' || header.type === 'string') {
      throw new Error(`no entry starts at offset ${at}`);
    }
    this.pos = header.bodyStart;
    return this.readEntry(at, header, header.open === LBRACE ? RBRACE : RPAREN, {});
  }

  run(): ScanResult {
    this.scanFrom(0);
    return { source: this.src, blocks: this.blocks };
  }

  /**
   * Scans from `start`, where a block or the text between blocks begins, to the end; or, with `stop`, until `stop`
   * says yes at the end of a block (the scan's state there is the same as at `start`: nothing read yet). Returns where
   * it stopped, or undefined at the end of the source. store/rescan.ts scans an edited part of a store this way.
   */
  scanFrom(start: number, stop?: (end: number) => boolean): number | undefined {
    const { src } = this;
    this.pos = start;
    let junkStart = start;
    while (this.pos < src.length) {
      const at = src.indexOf('@', this.pos);
      if (at === -1) break;
      if (commentedOut(this.src, at)) {
        // `% @article{...`: an entry commented out, line by line, as biber and the site generators read it
        const end = src.slice(at).search(/[\r\n]/);
        this.pos = end === -1 ? src.length : at + end + 1;
        continue;
      }
      const header = readHeader(this.src, at);
      if (!header) {
        const broken = this.problems.brokenHeader(at);
        if (broken) {
          // `@misc gema2025inverse,` or a file cut at `@inproceed`: an entry that is not read, said as an error
          if (at > junkStart) this.blocks.push({ kind: 'junk', span: { start: junkStart, end: at } });
          const resume = resumePoint(this.src, at + 1);
          this.blocks.push({ kind: 'broken', span: { start: at, end: resume }, problem: broken });
          this.pos = resume;
          junkStart = resume;
          if (stop?.(resume)) return resume;
          continue;
        }
        // An `@` that does not open an entry (an e-mail address in a comment): BibTeX skips it as text.
        this.pos = at + 1;
        continue;
      }
      if (at > junkStart) this.blocks.push({ kind: 'junk', span: { start: junkStart, end: at } });
      this.pos = header.bodyStart;
      let partial: { key?: string | undefined } = {};
      try {
        this.blocks.push(this.readBlock(at, header, partial));
      } catch (err) {
        if (!(err instanceof ScanError)) throw err;
        const resume = resumePoint(this.src, at + 1);
        this.blocks.push({
          kind: 'broken',
          span: { start: at, end: resume },
          problem: this.problems.problem(err.message, err.offset, at, header.type, partial.key),
        });
        this.pos = resume;
      }
      junkStart = this.pos;
      partial = {};
      if (stop?.(this.pos)) return this.pos;
    }
    if (junkStart < src.length) this.blocks.push({ kind: 'junk', span: { start: junkStart, end: src.length } });
    return undefined;
  }

  /** The blocks scanned so far. */
  scanned(): readonly Block[] {
    return this.blocks;
  }

  private readBlock(at: number, header: Header, partial: { key?: string | undefined }): Block {
    const { type, open } = header;
    const close = open === LBRACE ? RBRACE : RPAREN;
    if (type === 'comment') {
      const end = this.skipBalanced(this.pos - 1);
      this.pos = end;
      return { kind: 'comment', span: { start: at, end } };
    }
    if (type === 'preamble' || type === 'string') {
      // read whole in an outline too: entries' values depend on them
      const collect = this.collect;
      this.collect = true;
      try {
        return this.readDefinition(at, type, close);
      } finally {
        this.collect = collect;
      }
    }
    return this.readEntry(at, header, close, partial);
  }

  private readDefinition(at: number, type: 'preamble' | 'string', close: number): Block {
    this.skipSpace();
    if (type === 'preamble') {
      const parts = this.readValue();
      this.skipSpace();
      this.expectClose(close);
      return { kind: 'preamble', span: { start: at, end: this.pos }, parts };
    }
    const field = this.readField();
    this.skipSpace();
    if (this.src.charCodeAt(this.pos) === COMMA) {
      this.pos++;
      this.skipSpace();
    }
    this.expectClose(close);
    return { kind: 'string', span: { start: at, end: this.pos }, field };
  }

  private readEntry(at: number, header: Header, close: number, partial: { key?: string | undefined }): RawEntry {
    const { src } = this;
    const { type, typeSpan } = header;
    this.skipSpace();
    const keyStart = this.pos;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === COMMA || isSpace(c) || c === close || c === LBRACE || c === RBRACE) break;
      this.pos++;
    }
    const keySpan: Span = { start: keyStart, end: this.pos };
    const key = src.slice(keyStart, this.pos);
    if (key === '') throw new ScanError(`@${type} entry has no citation key`, keyStart);
    partial.key = key;
    this.skipSpace();
    const fields: RawField[] = [];
    let c = src.charCodeAt(this.pos);
    if (c === COMMA) {
      this.pos++;
      for (;;) {
        this.skipSpaceAndComments();
        c = src.charCodeAt(this.pos);
        if (c === close) break;
        if (c === COMMA) {
          // `title = {x},, year = 2020`: an empty field, tolerated as biber and bibtex-tidy do.
          this.pos++;
          continue;
        }
        if (Number.isNaN(c)) throw new ScanError(`entry "${key}" is not closed before the end of the file`, at);
        if (c === AT && this.entryStartsAfter(this.src.lastIndexOf('\n', this.pos)))
          throw this.problems.notClosed(at, this.pos, '');
        const field = this.readField();
        if (this.collect) fields.push(field);
        this.skipSpaceAndComments();
        c = src.charCodeAt(this.pos);
        if (c === COMMA) {
          this.pos++;
          continue;
        }
        if (c === close) break;
        if (Number.isNaN(c)) throw new ScanError(`entry "${key}" is not closed before the end of the file`, at);
        if (
          c === AT &&
          this.src.lastIndexOf('\n', this.pos) >= 0 &&
          this.entryStartsAfter(this.src.lastIndexOf('\n', this.pos))
        ) {
          throw this.problems.notClosed(at, this.pos, ' (a "{" in it is probably not closed)');
        }
        throw new ScanError(
          `expected "," or "${String.fromCharCode(close)}" after field "${this.lastFieldName()}"`,
          this.pos,
        );
      }
    } else if (c !== close) {
      if (Number.isNaN(c)) throw new ScanError(`entry "${key}" is not closed before the end of the file`, at);
      if (c === EQUALS) {
        partial.key = undefined;
        throw new ScanError(
          `@${type} entry has no citation key ("${key} =" is a field where the key should be)`,
          keyStart,
        );
      }
      throw new ScanError(`expected "," after the citation key "${key}"`, this.pos);
    }
    const closeAt = this.pos;
    this.pos++;
    // in an outline `fields` stays empty (its type, EntryOutline, has none)
    return { kind: 'entry', type, typeSpan, key, keySpan, span: { start: at, end: this.pos }, closeAt, fields };
  }
}

export type { Block, RawEntry, RawField, ScanResult, Span, SyntaxProblem, ValuePart };
