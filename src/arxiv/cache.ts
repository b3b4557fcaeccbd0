/**
 * A response cache in the user's cache folder (`$XDG_CACHE_HOME/bibfolio/arxiv`, else `~/.cache/bibfolio/arxiv`),
 * never in the repository. arXiv asks that the same query not be sent more than once a day: entries live a day.
 * A cache that cannot be read or written is skipped, never fatal.
 */
import { sha256Hex } from '../digest.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicallySync } from '../store/atomic-write.js';
import { userCacheDir } from '../paths.js';

export interface ResponseCache {
  get(url: string): string | undefined;
  set(url: string, body: string): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(userCacheDir(env), 'arxiv');
}

interface CacheRecord {
  readonly url: string;
  readonly fetchedAt: number;
  readonly body: string;
}

export class FileCache implements ResponseCache {
  constructor(
    private readonly dir: string,
    private readonly ttlMs = DAY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private path(url: string): string {
    return join(this.dir, `${sha256Hex(url)}.json`);
  }

  get(url: string): string | undefined {
    try {
      const record = JSON.parse(readFileSync(this.path(url), 'utf8')) as CacheRecord;
      if (record.url !== url || this.now() - record.fetchedAt > this.ttlMs || record.fetchedAt > this.now())
        return undefined;
      return record.body;
    } catch {
      return undefined;
    }
  }

  set(url: string, body: string): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const record: CacheRecord = { url, fetchedAt: this.now(), body };
      writeFileAtomicallySync(this.path(url), JSON.stringify(record), { durable: false });
    } catch {
      // a cache that cannot be written only costs a request next time
    }
  }
}
