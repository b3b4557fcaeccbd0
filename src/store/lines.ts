/** Maps offsets to 1-based line and column numbers; built once per source text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  column(offset: number): number {
    return offset - (this.starts[this.line(offset) - 1] ?? 0) + 1;
  }

  /** The text of the line holding `offset`, without its line break, cut to `max` characters around the offset. */
  snippet(offset: number, max = 80): string {
    const lineStart = this.starts[this.line(offset) - 1] ?? 0;
    let lineEnd = this.source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = this.source.length;
    const text = this.source.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (text.length <= max) return text;
    const col = offset - lineStart;
    const from = Math.max(0, Math.min(col - Math.floor(max / 2), text.length - max));
    return (from > 0 ? '…' : '') + text.slice(from, from + max) + (from + max < text.length ? '…' : '');
  }
}
