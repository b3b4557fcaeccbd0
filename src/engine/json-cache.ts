/**
 * A key -> value cache kept as one JSON file in the user's cache folder (never in the repository). It keeps only the
 * entries used by the run that saves it, so it follows the store instead of growing; it is written atomically, and
 * a cache file that cannot be read or written is ignored: it costs time, never a wrong result, because every key
 * is a hash of everything the value depends on.
 *
 * The file is one JSON object on its first line, then a journal: a run that only added values (one entry edited)
 * appends them as `[key, value]` lines instead of writing the whole file again (40 ms of a 10,000-entry list), and
 * the file is written whole, without what no run used, once the journal or the unused values pass a twentieth of it.
 * A line cut short by a crash is the journal's end.
 */
import { digest } from '../digest.js';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import { writeFileAtomicallySync } from '../store/atomic-write.js';
import { userCacheDir } from '../paths.js';

export class JsonFileCache<T> {
  private storedMap: Map<string, T> | undefined;
  private readonly used = new Map<string, T>();
  /** Values set by this run, for the journal. */
  private readonly fresh = new Map<string, T>();
  /** Lines of journal the file has after its first. */
  private journalLines = 0;

  constructor(readonly path: string) {}

  /** Read on first use: a run that needs no cached value does not pay for reading the file. */
  private get stored(): Map<string, T> {
    if (!this.storedMap) {
      try {
        const text = readCacheText(this.path);
        const end = text.indexOf('\n');
        const map = new Map(Object.entries(JSON.parse(end < 0 ? text : text.slice(0, end)) as Record<string, T>));
        for (let at = end; at >= 0;) {
          const next = text.indexOf('\n', at + 1);
          const line = text.slice(at + 1, next < 0 ? undefined : next);
          at = next;
          let entry: [string, T];
          try {
            entry = JSON.parse(line) as [string, T];
          } catch {
            break; // a line cut short: the journal ends there
          }
          map.set(entry[0], entry[1]);
          this.journalLines++;
        }
        this.storedMap = map;
      } catch {
        this.storedMap = new Map(); // no cache yet, or an unreadable one: start empty
      }
    }
    return this.storedMap;
  }

  /** The cache file for one store and one kind of value. */
  static forStore<T>(
    env: Readonly<Record<string, string | undefined>>,
    kind: string,
    storePath: string,
  ): JsonFileCache<T> {
    const id = digest(storePath).slice(0, 16);
    return new JsonFileCache<T>(join(userCacheDir(env), kind, `${id}.json`));
  }

  get(key: string): T | undefined {
    const value = this.used.get(key) ?? this.stored.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
    this.fresh.set(key, value);
  }

  save(): void {
    // a run that neither read nor set a value leaves the file as it is
    if (!this.storedMap && this.fresh.size === 0) return;
    const stored = this.stored;
    let reused = 0;
    for (const key of this.used.keys()) if (stored.has(key) && !this.fresh.has(key)) reused++;
    const unused = stored.size - reused;
    const slack = Math.max(16, stored.size / 20);
    if (this.fresh.size === 0 && unused <= slack) return;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      if (stored.size > 0 && unused <= slack && this.journalLines + this.fresh.size <= slack) {
        let lines = '';
        for (const entry of this.fresh) lines += `\n${asciiJson(entry)}`;
        appendFileSync(this.path, lines);
        return;
      }
      writeFileAtomicallySync(this.path, asciiJson(Object.fromEntries(this.used)), { durable: false });
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON in ASCII: every other character written as its \uXXXX escape, which JSON.parse reads back as the same
 * string. A cache file in ASCII is read as Latin-1 (readCacheText), a copy of its bytes, where UTF-8 must be decoded:
 * 5 ms against 19 ms for the 3.8 MB of records of a 10,000-entry list.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A cache file's text: as Latin-1 when it is ASCII (see asciiJson), else as UTF-8 (a file written before). */
function readCacheText(path: string): string {
  const bytes = readFileSync(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
