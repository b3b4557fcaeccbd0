/**
 * The outline a run read its store with, and the entries' content keys, kept for the next run: a run after an edit
 * scans again only the edited part (store/rescan.ts) and hashes only the entries it changed. One file per store in the
 * user's cache folder, `outline/`, written when the store's text changed: a JSON header (the blocks other than
 * entries, the keys), six numbers per entry (where it, its type and its key are), and the store's text; the text
 * between blocks is not kept, it is what lies between them. Reading it is a copy of bytes and a small JSON, where
 * JSON for everything took longer than scanning the store again. The file is tied to the build's scanner (the hash of
 * its sources and of this code), and a file that cannot be read, or whose entries do not fit its text, is ignored: it
 * costs time. Its text is compared with the store's byte for byte; only a file damaged in a way that still fits its
 * text (an entry's "@" and closing brace where they were) could mislead, as a damaged record could in the other caches.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { digest } from '../digest.js';
import { userCacheDir } from '../paths.js';
import { writeFileAtomicallySync } from '../store/atomic-write.js';
import { commonPrefix, commonSuffix, rescanEdited, type Rescanned } from '../store/rescan.js';
import { COLUMNS, KeptBlocks, type OtherBlock } from './kept-blocks.js';
import type { ScanOutline } from '../store/scan-outline.js';
import { asciiJson } from './json-cache.js';

/** Set by the command line's bundle (scripts/bundle.mjs): the hash of the scanner's sources. */
declare const __BIBFOLIO_SCANNER_ID__: string | undefined;

/** The build's scanner; without one (the library) no outline is kept. */
export const BUILD_SCANNER_ID: string | undefined =
  typeof __BIBFOLIO_SCANNER_ID__ === 'string' ? __BIBFOLIO_SCANNER_ID__ : undefined;

/** The outline and keys a run keeps for the next. */
export interface KeptOutline {
  readonly scan: ScanOutline;
  /** The content key of each entry, in order, and what they were made with besides each entry's text. */
  readonly keys: readonly string[];
  readonly keyContext: string;
}

/** What the last run kept: its text's outline, to make an edited text's outline from, and its keys. */
export interface OutlineSnapshot {
  readonly keyContext: string;
  /** The edited text's outline; undefined when the store must be scanned whole. */
  rescan(source: string): Rescanned | undefined;
  /** Whether `source` is the text the outline was kept for (known once `rescan` has run). */
  sameText(): boolean;
  /** The key of a previous block that is an entry. */
  keyOf(block: number): string | undefined;
}

/** The file's first bytes: what it is, and the version of its layout. */
const MAGIC = 'BFO2';
const PROBE = new Int32Array(new Uint8Array([1, 2, 3, 4]).buffer)[0] as number;

interface Header {
  readonly scanner: string;
  /** PROBE as this machine's bytes read it: a file from a machine of the other byte order is not read. */
  readonly probe: number;
  readonly entries: number;
  /** The blocks other than entries and the text between blocks, each with its place among the blocks kept. */
  readonly others: readonly (readonly [number, OtherBlock])[];
  readonly keys: readonly string[];
  readonly keyContext: string;
}

/** The outline kept for one store. */
export class OutlineSnapshotFile {
  /** The text read last (by `rescan`), as UTF-16 bytes: compared with the kept text, and written as the next one. */
  private lastText: { readonly source: string; readonly bytes: Buffer } | undefined;

  private constructor(
    readonly path: string,
    private readonly scanner: string,
  ) {}

  /** The file for a store; undefined without the build's scanner identity. */
  static forStore(
    env: Readonly<Record<string, string | undefined>>,
    storePath: string,
    scanner = BUILD_SCANNER_ID,
  ): OutlineSnapshotFile | undefined {
    if (scanner === undefined) return undefined;
    return new OutlineSnapshotFile(
      join(userCacheDir(env), 'outline', `${digest(storePath).slice(0, 16)}.bin`),
      scanner,
    );
  }

  private bytesOf(source: string): Buffer {
    if (this.lastText?.source !== source) this.lastText = { source, bytes: Buffer.from(source, 'utf16le') };
    return this.lastText.bytes;
  }

  read(): OutlineSnapshot | undefined {
    let bytes: Buffer;
    let header: Partial<Header> | null;
    let textAt: number;
    let numbers: Int32Array;
    try {
      bytes = readFileSync(this.path);
      if (bytes.toString('latin1', 0, 4) !== MAGIC) return undefined;
      const headerEnd = 8 + bytes.readUInt32LE(4);
      header = JSON.parse(bytes.toString('latin1', 8, headerEnd)) as Partial<Header> | null;
      const count = (header?.entries ?? 0) * COLUMNS;
      const numbersAt = align(headerEnd);
      // one copy of the bytes; in this machine's byte order, which the probe checks
      numbers = new Int32Array(
        bytes.buffer.slice(bytes.byteOffset + numbersAt, bytes.byteOffset + numbersAt + count * 4),
      );
      textAt = numbersAt + count * 4;
    } catch {
      return undefined; // none yet, or unreadable
    }
    const { entries, others, keys, keyContext } = header ?? {};
    if (header?.scanner !== this.scanner || header.probe !== PROBE) return undefined;
    if (typeof keyContext !== 'string' || !Number.isInteger(entries)) return undefined;
    if (!Array.isArray(others) || !Array.isArray(keys) || keys.length !== entries) return undefined;
    if (!keys.every((key) => typeof key === 'string')) return undefined;
    const text = bytes.subarray(textAt);
    if (text.length % 2 !== 0) return undefined;
    let previous: KeptBlocks;
    try {
      previous = new KeptBlocks(text.length / 2, numbers, others);
    } catch {
      return undefined;
    }
    const keyByBlock: (string | undefined)[] = [];
    let entry = 0;
    for (let i = 0; i < previous.count; i++) keyByBlock.push(previous.kind(i) === 'entry' ? keys[entry++] : undefined);
    let same = false;
    return {
      keyContext,
      rescan: (source) => {
        const now = this.bytesOf(source);
        const prefix = commonPrefix(text, now);
        same = prefix === previous.length && prefix === source.length;
        return rescanEdited(previous, source, prefix, commonSuffix(text, now, prefix));
      },
      sameText: () => same,
      keyOf: (block) => keyByBlock[block],
    };
  }

  write(kept: KeptOutline): void {
    const { source, blocks } = kept.scan;
    const others: [number, OtherBlock][] = [];
    const numbers: number[] = [];
    let place = 0;
    for (const block of blocks) {
      if (block.kind === 'junk') continue;
      if (block.kind === 'entry') {
        const { span, typeSpan, keySpan } = block;
        numbers.push(span.start, span.end, typeSpan.start, typeSpan.end - typeSpan.start);
        numbers.push(keySpan.start, keySpan.end - keySpan.start);
      } else others.push([place, block]);
      place++;
    }
    const header: Header = {
      scanner: this.scanner,
      probe: PROBE,
      entries: numbers.length / COLUMNS,
      others,
      keys: kept.keys,
      keyContext: kept.keyContext,
    };
    const headerText = asciiJson(header);
    const numbersAt = align(8 + headerText.length);
    const text = this.bytesOf(source);
    const head = Buffer.alloc(numbersAt);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(headerText.length, 4);
    head.write(headerText, 8, 'latin1');
    const columns = Buffer.from(Int32Array.from(numbers).buffer);
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileAtomicallySync(this.path, Buffer.concat([head, columns, text]), { durable: false });
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
}

const align = (offset: number): number => (offset + 3) & ~3;
