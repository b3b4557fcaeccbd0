/**
 * A key -> value cache kept as one JSON file in the user's cache folder (never in the repository). It keeps only the
 * entries used by the run that saves it, so it follows the store instead of growing; it is written atomically, and
 * a cache file that cannot be read or written is ignored: it costs time, never a wrong result, because every key
 * is a hash of everything the value depends on.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicallySync } from '../store/atomic-write.js';
import { userCacheDir } from '../paths.js';

export class JsonFileCache<T> {
  private storedMap: Map<string, T> | undefined;
  private readonly used = new Map<string, T>();
  private changed = false;

  constructor(readonly path: string) {}

  /** Read on first use: a run that needs no cached value does not pay for reading the file. */
  private get stored(): Map<string, T> {
    if (!this.storedMap) {
      try {
        this.storedMap = new Map(Object.entries(JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, T>));
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
    const id = createHash('sha256').update(storePath).digest('hex').slice(0, 16);
    return new JsonFileCache<T>(join(userCacheDir(env), kind, `${id}.json`));
  }

  get(key: string): T | undefined {
    const value = this.used.get(key) ?? this.stored.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
    this.changed = true;
  }

  save(): void {
    if (!this.storedMap || (!this.changed && this.used.size === this.stored.size)) return;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      writeFileAtomicallySync(this.path, JSON.stringify(Object.fromEntries(this.used)), { durable: false });
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
}
