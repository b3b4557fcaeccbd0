/**
 * A kept outline's blocks (engine/outline-snapshot.ts) as the rescan reads them (store/rescan.ts): each block's kind
 * and place from the file's numbers, and a kept entry made from the edited text only when the rescan keeps it.
 */
import type { RawEntry } from '../model/syntax.js';
import { movedBlock, type PreviousOutline } from '../store/rescan.js';
import type { ScanOutline } from '../store/scan-outline.js';

type OutlineBlock = ScanOutline['blocks'][number];
export type OtherBlock = Exclude<OutlineBlock, { kind: 'entry' | 'junk' }>;

/** Numbers kept for each entry: start, end, where its type starts and its length, where its key starts and its length. */
export const COLUMNS = 6;

/** The previous outline from the numbers of the file: its entries are read from the edited text where they are kept. */
export class KeptBlocks implements PreviousOutline {
  readonly count: number;
  private readonly kinds: OutlineBlock['kind'][] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** For each block: its entry's row of numbers, or its place in `others`, or -1 (text between blocks). */
  private readonly rows: number[] = [];

  constructor(
    readonly length: number,
    private readonly numbers: Int32Array,
    private readonly others: readonly (readonly [number, OtherBlock])[],
  ) {
    let at = 0;
    let entry = 0;
    let other = 0;
    const entries = numbers.length / COLUMNS;
    const push = (kind: OutlineBlock['kind'], start: number, end: number, row: number): void => {
      if (!(start >= at && end > start && end <= length)) throw new RangeError('the kept blocks do not fit the text');
      if (start > at) this.add('junk', at, start, -1);
      this.add(kind, start, end, row);
      at = end;
    };
    for (let place = 0; entry < entries || other < others.length; place++) {
      const next = others[other];
      if (next && next[0] === place) push(next[1].kind, next[1].span.start, next[1].span.end, other++);
      else if (entry < entries) {
        const row = entry++ * COLUMNS;
        push('entry', numbers[row] as number, numbers[row + 1] as number, row);
      } else throw new RangeError('the kept blocks are out of order');
    }
    if (at < length) this.add('junk', at, length, -1);
    this.count = this.kinds.length;
  }

  private add(kind: OutlineBlock['kind'], start: number, end: number, row: number): void {
    this.kinds.push(kind);
    this.starts.push(start);
    this.ends.push(end);
    this.rows.push(row);
  }

  kind(block: number): OutlineBlock['kind'] {
    return this.kinds[block] as OutlineBlock['kind'];
  }

  start(block: number): number {
    return this.starts[block] as number;
  }

  end(block: number): number {
    return this.ends[block] as number;
  }

  moved(block: number, by: number, source: string): OutlineBlock | undefined {
    const kind = this.kind(block);
    const row = this.rows[block] as number;
    const start = this.start(block) + by;
    const end = this.end(block) + by;
    if (kind === 'junk') return { kind, span: { start, end } };
    if (kind !== 'entry') return movedBlock((this.others[row] as readonly [number, OtherBlock])[1], by);
    // the entry's own text must be there: its "@" and its closing delimiter
    const close = source.charCodeAt(end - 1);
    if (source.charCodeAt(start) !== 0x40 || (close !== 0x7d && close !== 0x29)) return undefined;
    const n = this.numbers;
    const typeStart = (n[row + 2] as number) + by;
    const keyStart = (n[row + 4] as number) + by;
    const typeEnd = typeStart + (n[row + 3] as number);
    const keyEnd = keyStart + (n[row + 5] as number);
    const entry: RawEntry = {
      kind: 'entry',
      type: source.slice(typeStart, typeEnd).toLowerCase(),
      typeSpan: { start: typeStart, end: typeEnd },
      key: source.slice(keyStart, keyEnd),
      keySpan: { start: keyStart, end: keyEnd },
      span: { start, end },
      closeAt: end - 1,
      // as the outline scan makes it: with no fields
      fields: [],
    };
    return entry;
  }
}
