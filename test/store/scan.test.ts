import { describe, expect, it } from 'vitest';
import { scanBibtex } from '../../src/store/scan.js';
import type { RawEntry } from '../../src/model/syntax.js';

function rebuilt(source: string): string {
  return scanBibtex(source)
    .blocks.map((b) => source.slice(b.span.start, b.span.end))
    .join('');
}

function entries(source: string): RawEntry[] {
  return scanBibtex(source).blocks.filter((b): b is RawEntry => b.kind === 'entry');
}

describe('scanBibtex', () => {
  it('gives every entry, key, field name and value its exact span', () => {
    const src = '@Article{k1,\n  Title = {Hello {World}},\n  year = 2020,\n  note = "a {"} b" # foo\n}\n';
    const [entry] = entries(src);
    expect(entry?.type).toBe('article');
    expect(src.slice(entry!.keySpan.start, entry!.keySpan.end)).toBe('k1');
    expect(entry!.fields.map((f) => f.name)).toEqual(['title', 'year', 'note']);
    const [title, year, note] = entry!.fields;
    expect(src.slice(title!.nameSpan.start, title!.nameSpan.end)).toBe('Title');
    expect(src.slice(title!.valueSpan.start, title!.valueSpan.end)).toBe('{Hello {World}}');
    expect(src.slice(year!.valueSpan.start, year!.valueSpan.end)).toBe('2020');
    expect(src.slice(note!.valueSpan.start, note!.valueSpan.end)).toBe('"a {"} b" # foo');
    expect(note!.parts.map((p) => p.kind)).toEqual(['quoted', 'macro']);
    expect(src[entry!.closeAt]).toBe('}');
    expect(entry!.span).toEqual({ start: 0, end: src.length - 1 });
  });

  it('keeps comments, @string, @preamble, @comment and blank lines as blocks, byte for byte', () => {
    const src =
      '% a comment\n\n@string{foo = "Bar"}\n@preamble{"\\newcommand{\\x}{y}"}\n@comment{ anything {nested} }\n\n@misc{k, title = foo # { baz}}\ntrailing text';
    expect(scanBibtex(src).blocks.map((b) => b.kind)).toEqual([
      'junk',
      'string',
      'junk',
      'preamble',
      'junk',
      'comment',
      'junk',
      'entry',
      'junk',
    ]);
    expect(rebuilt(src)).toBe(src);
  });

  it('reads parenthesised entries', () => {
    const src = '@misc(k, title = {A (b)})';
    expect(entries(src)[0]?.fields[0]?.parts[0]).toMatchObject({ kind: 'braced', text: 'A (b)' });
  });

  it('treats an @ that opens no entry as text (an e-mail address in a comment)', () => {
    const src = 'mail joe@example.org about this\n@misc{k, title={T}}';
    expect(entries(src).map((e) => e.key)).toEqual(['k']);
  });

  it('reports a broken entry with line, column and snippet, skips it, and reads the next one', () => {
    const src =
      '@misc{ok1, title={A}}\n@article{broken, title = {unbalanced\n  year = 2020,\n}\n@misc{ok2, title={B}}\n';
    const result = scanBibtex(src);
    const broken = result.blocks.find((b) => b.kind === 'broken');
    expect(broken?.kind).toBe('broken');
    if (broken?.kind !== 'broken') return;
    // at the line where the entry opens, naming the line where the next one begins
    expect(broken.problem).toMatchObject({ key: 'broken', type: 'article', entryLine: 2, line: 2, column: 1 });
    expect(broken.problem.message).toMatch(/its "\}" is missing before the next entry, on line 5/);
    expect(broken.problem.snippet).toBe('@article{broken, title = {unbalanced');
    expect(entries(src).map((e) => e.key)).toEqual(['ok1', 'ok2']);
    expect(rebuilt(src)).toBe(src);
  });

  it('reports an unclosed brace at the brace when the next entry starts inside the value', () => {
    const src = '@misc{a,\n  title = {Never closed,\n  year = 2020\n\n@misc{b, title = {B}}\n';
    const result = scanBibtex(src);
    const broken = result.blocks.find((b) => b.kind === 'broken');
    expect(broken?.kind === 'broken' && broken.problem).toMatchObject({ key: 'a', line: 2, column: 11 });
    expect(entries(src).map((e) => e.key)).toEqual(['b']);
  });

  it('reports a missing comma between fields', () => {
    const src = '@misc{k,\n  title = {A}\n  year = 2020\n}';
    const broken = scanBibtex(src).blocks.find((b) => b.kind === 'broken');
    expect(broken?.kind === 'broken' && broken.problem).toMatchObject({ line: 3, column: 3, key: 'k' });
  });

  it('reports an entry without a key', () => {
    const src = '@article{\n  author = {X},\n  title = {T}\n}';
    const broken = scanBibtex(src).blocks.find((b) => b.kind === 'broken');
    expect(broken?.kind === 'broken' && broken.problem.message).toMatch(/no citation key/);
  });

  it('tolerates doubled commas and a trailing comma', () => {
    const src = '@misc{k, title = {A},, year = 2020,}';
    expect(entries(src)[0]?.fields.map((f) => f.name)).toEqual(['title', 'year']);
  });

  it('is lossless on any input, even truncated ones', () => {
    const src = '@misc{a, title={x}}\n@misc{b, title={y}, author="q';
    for (let cut = 0; cut <= src.length; cut++) expect(rebuilt(src.slice(0, cut))).toBe(src.slice(0, cut));
  });
});
