/**
 * The store as a render session reads it. A list command that renders from cached records needs the fields of the
 * entries it has no record for, not of the others: it reads the store in outline (store/outline.ts, a fifth of a full
 * parse) and each entry's own problems from a cache keyed by the entry's text, and reads whole only the entries
 * whose problems are not cached or whose rendering is missing. Everything else (`entries`, `scan`) is the full parse,
 * made on first use; when most entries are new (a first run), the store is parsed whole at once.
 *
 * Every entry has a content key (engine/content-keys.ts): a hash of its text and of what its reading depends on.
 */
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import { outlineOf, outlineProblems, readEntryAt, type StoreOutline } from '../store/outline.js';
import { parseStore, parseStoreByEntry, type ParsedStore } from '../store/parse.js';
import { readStoreText } from '../store/read.js';
import type { Rescanned } from '../store/rescan.js';
import { scanOutline, type ScanOutline } from '../store/scan-outline.js';
import type { ScanResult } from '../store/scan.js';
import { contentKeysOf, type PreviousOutline } from './content-keys.js';
import type { JsonFileCache } from './json-cache.js';
import type { OutlineSnapshotFile } from './outline-snapshot.js';

/** An entry's own problem as cached: its line counted from the entry's line, its file left empty. */
export type CachedProblem = Problem;

/** What a list needs of an entry it does not read: where it is and what it is. */
export interface ListedEntry {
  readonly key: string;
  readonly type: string;
  readonly line: number;
  readonly index: number;
}

export interface SessionStoreOptions {
  readonly path: string;
  readonly display: string;
  readonly encoding?: string | undefined;
  /** Part of every content key: what the mapping depends on besides the store (versions, name changes). */
  readonly context: string;
  /** Each entry's own problems by content key; with it the store is read in outline. */
  readonly problems?: Pick<JsonFileCache<CachedProblem[]>, 'get' | 'set'> | undefined;
  /** The length (characters) from which a store is read in outline (default 100,000). */
  readonly outlineFrom?: number | undefined;
  /** false: the session keeps no cache, so entries need no content hash (default true). */
  readonly hashKeys?: boolean | undefined;
  /** The outline of the last run, kept for the next (engine/outline-snapshot.ts): only an edit is scanned again. */
  readonly snapshot?: Pick<OutlineSnapshotFile, 'read' | 'write'> | undefined;
}

/** A store shorter than this (characters, about 250 entries) is parsed whole: quicker than reading the cache. */
const OUTLINE_FROM = 100_000;

/** The kept outline is written again once a run scans more than 1/REWRITE_SHARE of the blocks again. */
const REWRITE_SHARE = 20;

/** From this share of entries without cached problems on, the store is parsed whole. */
const WHOLE_FROM = 0.25;

export class SessionStore {
  /** The store; in outline mode its `entries` and `scan` are the full parse, made on first use. */
  readonly store: ParsedStore;
  private readonly source: string;
  private readonly encoding: string;
  private readonly outline: StoreOutline | undefined;
  private full: ParsedStore | undefined;
  private keys: string[] | undefined;
  /** Entries read whole in outline mode, by index. */
  private readonly read = new Map<number, BibEntry>();
  /** The outline the last run kept, and this text's outline made from it. */
  private readonly previous: PreviousOutline | undefined;
  private keyContext: string | undefined;
  private hashed = 0;

  constructor(private readonly options: SessionStoreOptions) {
    const { text, encoding } = readStoreText(options.path, options.display, options.encoding);
    this.source = text;
    this.encoding = encoding;
    if (!options.problems || text.length < (options.outlineFrom ?? OUTLINE_FROM)) {
      this.full = { ...parseStore(text, options.display), encoding };
      this.store = this.full;
      return;
    }
    const snapshot = options.snapshot?.read();
    const rescanned = snapshot?.rescan(text);
    if (snapshot && rescanned) this.previous = { snapshot, rescanned };
    this.outline = outlineOf(rescanned?.scan ?? scanOutline(text), options.display);
    this.store = this.outlined(this.outline, options.problems);
  }

  /** How many entries this run has read whole (all of them once the store is parsed whole). */
  get entriesRead(): number {
    return this.full ? this.full.entries.length : this.read.size;
  }

  /** How many entries' content keys this run computed (after one edit, with the last run's outline: one). */
  get keysHashed(): number {
    return this.hashed;
  }

  /** Whether the store was read from the last run's outline (only its edited part scanned again). */
  get outlineKept(): boolean {
    return this.previous !== undefined;
  }

  /** The entries in the store's order, read or not. */
  get listed(): readonly ListedEntry[] {
    return this.outline ? this.outline.entries : this.store.entries;
  }

  /** The entry at `index`, read whole. */
  entry(index: number): BibEntry {
    if (this.full || !this.outline) return this.parsed().entries[index] as BibEntry;
    let entry = this.read.get(index);
    if (!entry) {
      entry = readEntryAt(this.outline, index).entry;
      this.read.set(index, entry);
    }
    return entry;
  }

  /**
   * The store with these entries only, for a mapping: its @string and @preamble blocks, without parsing the store
   * whole (an outline store's `scan` and `entries` would).
   */
  withEntries(entries: readonly BibEntry[]): ParsedStore {
    const { file, strings, problems, lossless } = this.store;
    let scan: ScanResult;
    if (this.full || !this.outline) scan = this.parsed().scan;
    else {
      const { source, blocks } = this.outline.scan;
      scan = { source, blocks: blocks.filter((b) => b.kind === 'preamble' || b.kind === 'string') } as ScanResult;
    }
    return { file, scan, entries, strings, problems, lossless };
  }

  /**
   * One key per entry, in the store's order: a hash of everything its reading depends on. A session that keeps no
   * cache has no use for hashes (its keys name nothing kept): its keys are the entries' places.
   */
  contentKeys(): string[] {
    if (!this.keys && this.options.hashKeys === false) {
      const count = (this.outline ? this.outline.entries : this.parsed().entries).length;
      this.keys = Array.from({ length: count }, (_, i) => `#${i}`);
    }
    if (!this.keys) {
      const scan: ScanOutline = this.outline ? this.outline.scan : this.parsed().scan;
      const made = contentKeysOf(scan, this.source, this.options.context, this.previous);
      this.keys = made.keys;
      this.keyContext = made.keyContext;
      this.hashed += made.hashed;
    }
    return this.keys;
  }

  /** Keeps this run's outline and keys for the next run, unless they are the ones it was given. */
  keepOutline(): void {
    if (!this.outline || !this.options.snapshot) return;
    const keys = this.contentKeys();
    const keyContext = this.keyContext as string;
    const given = this.previous?.snapshot;
    if (given && given.keyContext === keyContext) {
      if (given.sameText()) return;
      // after a small edit the kept outline stays as it was: it still gives the next run its text's outline (that run
      // scans again what differs from it: the edits since it was written), and writing it costs more than that scan
      // (10,000 entries: 13-25 ms to write, 6 microseconds a block to scan)
      const { rescanned } = this.previous as { rescanned: Rescanned };
      if ((rescanned.keptFrom - rescanned.keptBefore) * REWRITE_SHARE < rescanned.scan.blocks.length) return;
    }
    this.options.snapshot.write({ scan: this.outline.scan, keys, keyContext });
  }

  private parsed(): ParsedStore {
    this.full ??= { ...parseStore(this.source, this.options.display), encoding: this.encoding };
    return this.full;
  }

  private outlined(outline: StoreOutline, cache: Pick<JsonFileCache<CachedProblem[]>, 'get' | 'set'>): ParsedStore {
    const encoding = this.encoding;
    const keys = this.contentKeys();
    const cached = keys.map((k) => cache.get(k));
    const unknown = cached.filter((c) => c === undefined).length;
    const { file, strings, lossless } = outline;
    if (unknown > 0 && unknown >= outline.entries.length * WHOLE_FROM) {
      // a first run, or most entries new: one full parse, and every entry's problems kept for the next run
      const whole = parseStoreByEntry(this.source, file);
      whole.entryProblems.forEach((problems, i) => {
        const at = whole.store.entries[i];
        if (at && cacheable(problems))
          cache.set(
            keys[i] as string,
            problems.map((p) => relative(p, at.line)),
          );
      });
      this.full = { ...whole.store, encoding };
      return this.full;
    }
    const problems = outlineProblems(outline, (i) => {
      const at = outline.entries[i] as ListedEntry;
      const known = cached[i];
      // in place, so that each problem's fields come in the order the parse gives them
      if (known) return known.map((p) => ({ ...p, file, line: (p.line ?? 0) + at.line }));
      const reading = readEntryAt(outline, i);
      this.read.set(i, reading.entry);
      if (cacheable(reading.problems))
        cache.set(
          keys[i] as string,
          reading.problems.map((p) => relative(p, at.line)),
        );
      return reading.problems;
    });
    const parsed = (): ParsedStore => this.parsed();
    return {
      file,
      strings,
      lossless,
      problems,
      encoding,
      get scan() {
        return parsed().scan;
      },
      get entries() {
        return parsed().entries;
      },
    };
  }
}

/** A problem with a column depends on the text before the entry on its line: not cached, read every run. */
function cacheable(problems: readonly Problem[]): boolean {
  return problems.every((p) => p.column === undefined && p.line !== undefined);
}

function relative(problem: Problem, entryLine: number): CachedProblem {
  return { ...problem, file: '', line: (problem.line ?? entryLine) - entryLine };
}
