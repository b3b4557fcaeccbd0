/**
 * The outline of an edited store from the outline of its previous text: only the edited part is scanned again.
 *
 * The scanner is in the same state at the start of every block that follows a block other than text or a broken
 * entry (nothing read yet), and a block depends on its own text, the rest of the line before it and a few characters
 * after its header. So the text is compared with the previous one from both ends; the scan starts again at such a
 * block before the first change and stops at the end of a block after the last change, once a line break has passed
 * and a previous block starts at the same place (shifted by the change in length). The blocks before and after are
 * the previous ones, moved. Where that cannot be shown (a broken entry after the change, whose message names lines),
 * there is no answer and the store is scanned whole. The result equals `scanOutline(source)` (test/store/rescan.test.ts
 * edits real stores at random and compares).
 */
import type { Span, ValuePart } from '../model/syntax.js';
import type { ScanOutline } from './scan-outline.js';
import { Scanner } from './scan.js';

type OutlineBlock = ScanOutline['blocks'][number];

export interface Rescanned {
  readonly scan: ScanOutline;
  /** How many blocks at the start are the previous ones. */
  readonly keptBefore: number;
  /** From which index the blocks are the previous ones from `previousFrom` on, moved. */
  readonly keptFrom: number;
  readonly previousFrom: number;
}

/**
 * How many characters two texts share at their start, the texts given as their UTF-16LE bytes: compared natively in
 * chunks, then narrowed down (a character is two bytes, so a difference in either counts).
 */
export function commonPrefix(a: Buffer, b: Buffer): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  for (let step = 65536; step >= 1; step >>= 4) {
    while (at + step <= max && a.compare(b, at, at + step, at, at + step) === 0) at += step;
  }
  return at >> 1;
}

/** How many characters two texts (UTF-16LE bytes) share at their end, not counting the first `skip` of either. */
export function commonSuffix(a: Buffer, b: Buffer, skip: number): number {
  const max = Math.min(a.length, b.length) - skip * 2;
  let n = 0;
  for (let step = 65536; step >= 1; step >>= 4) {
    while (n + step <= max && a.compare(b, b.length - n - step, b.length - n, a.length - n - step, a.length - n) === 0)
      n += step;
  }
  return n >> 1;
}

const moved = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

function movedParts(parts: readonly ValuePart[], by: number): ValuePart[] {
  return parts.map((part) => ({ ...part, span: moved(part.span, by) }));
}

/** A block of the previous text where the same text now is `by` characters further; undefined: cannot be moved. */
export function movedBlock(block: OutlineBlock, by: number): OutlineBlock | undefined {
  if (by === 0) return block;
  switch (block.kind) {
    case 'entry':
      return {
        ...block,
        span: moved(block.span, by),
        typeSpan: moved(block.typeSpan, by),
        keySpan: moved(block.keySpan, by),
        closeAt: block.closeAt + by,
      };
    case 'junk':
    case 'comment':
      return { ...block, span: moved(block.span, by) };
    case 'preamble':
      return { ...block, span: moved(block.span, by), parts: movedParts(block.parts, by) };
    case 'string': {
      const { field } = block;
      return {
        ...block,
        span: moved(block.span, by),
        field: {
          ...field,
          nameSpan: moved(field.nameSpan, by),
          valueSpan: moved(field.valueSpan, by),
          parts: movedParts(field.parts, by),
        },
      };
    }
    case 'broken':
      // its message names lines of the file: scanned again instead
      return undefined;
  }
}

/**
 * The previous outline as the rescan reads it: each block's kind and place, and the block itself, moved, when it is
 * kept. Made from a ScanOutline (previousOf), or from the numbers a kept outline holds (engine/outline-snapshot.ts).
 */
export interface PreviousOutline {
  /** The previous text's length. */
  readonly length: number;
  /** How many blocks it has. */
  readonly count: number;
  kind(block: number): OutlineBlock['kind'];
  start(block: number): number;
  end(block: number): number;
  /** The block, `by` characters further on in `source` (the edited text); undefined when it cannot be moved. */
  moved(block: number, by: number, source: string): OutlineBlock | undefined;
}

/** A previous outline read from its blocks. */
export function previousOf(scan: ScanOutline): PreviousOutline {
  const { blocks } = scan;
  const at = (i: number): OutlineBlock => blocks[i] as OutlineBlock;
  return {
    length: scan.source.length,
    count: blocks.length,
    kind: (i) => at(i).kind,
    start: (i) => at(i).span.start,
    end: (i) => at(i).span.end,
    moved: (i, by) => movedBlock(at(i), by),
  };
}

/** The index of the block that starts at `at`, or -1. */
function blockStartingAt(previous: PreviousOutline, at: number): number {
  let lo = 0;
  let hi = previous.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = previous.start(mid);
    if (start === at) return mid;
    if (start < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether the scanner is in its starting state at the start of block `index` (see the module's comment). */
function restartsAt(previous: PreviousOutline, index: number): boolean {
  if (index === 0) return true;
  const before = previous.kind(index - 1);
  return before !== 'junk' && before !== 'broken';
}

/** The outline of `source` from the outline of the previous text; undefined when the store must be scanned whole. */
export function rescanOutline(previous: ScanOutline, source: string): Rescanned | undefined {
  const [before, now] = [Buffer.from(previous.source, 'utf16le'), Buffer.from(source, 'utf16le')];
  const prefix = commonPrefix(before, now);
  return rescanEdited(previousOf(previous), source, prefix, commonSuffix(before, now, prefix));
}

/**
 * The outline of `source`, which has the previous text's first `prefix` and last `suffix` characters and something
 * else between them; undefined when the store must be scanned whole.
 */
export function rescanEdited(
  previous: PreviousOutline,
  source: string,
  prefix: number,
  suffix: number,
): Rescanned | undefined {
  const by = source.length - previous.length;
  const kept = (from: number, to: number, shift: number): OutlineBlock[] | undefined => {
    const blocks: OutlineBlock[] = [];
    for (let i = from; i < to; i++) {
      const block = previous.moved(i, shift, source);
      if (!block) return undefined;
      blocks.push(block);
    }
    return blocks;
  };
  if (prefix === previous.length && prefix === source.length) {
    const blocks = kept(0, previous.count, 0);
    const all = previous.count;
    return blocks && { scan: { source, blocks }, keptBefore: all, keptFrom: all, previousFrom: all };
  }
  const changeEnd = source.length - suffix;
  // the block holding the first change, then back to one the scanner starts afresh at
  let first = 0;
  while (first < previous.count && previous.end(first) <= prefix) first++;
  while (first > 0 && !restartsAt(previous, first)) first--;
  const start = first < previous.count ? previous.start(first) : previous.count > 0 ? previous.end(first - 1) : 0;

  const scanner = new Scanner(source);
  scanner.outlineOnly();
  let resumeAt = -1;
  const stoppedAt = scanner.scanFrom(start, (end) => {
    if (end < changeEnd || source.lastIndexOf('\n', end - 1) < changeEnd) return false;
    const index = blockStartingAt(previous, end - by);
    if (index === -1 || !restartsAt(previous, index)) return false;
    resumeAt = index;
    return true;
  });
  const before = kept(0, first, 0);
  const tail = stoppedAt !== undefined ? kept(resumeAt, previous.count, by) : [];
  if (!before || !tail) return undefined;
  const scanned = scanner.scanned() as OutlineBlock[];
  return {
    scan: { source, blocks: [...before, ...scanned, ...tail] },
    keptBefore: first,
    keptFrom: first + scanned.length,
    previousFrom: stoppedAt !== undefined ? resumeAt : previous.count,
  };
}
