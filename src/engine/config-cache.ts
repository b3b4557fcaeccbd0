/**
 * Configs already validated, remembered by their exact text: a run whose `bibfolio.config.json` has not changed reads
 * the validated config back instead of building the zod schema and validating again (3 to 5 ms of every run, most of
 * a warm run's own time on a short store). One small JSON file in the user's cache folder, holding the last few
 * configs; it is tied to the schema it was validated with (the build's hash of config-schema.ts and zod's version),
 * and only a valid config is remembered, so an invalid one is reported as before at every run. A cache file that
 * cannot be read or written is ignored: it costs time, never a wrong result.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseConfig, type Config } from '../model/config.js';
import { writeFileAtomicallySync } from '../store/atomic-write.js';

/** Set by the command line's bundle (scripts/bundle.mjs); absent in the library, which then does not cache. */
declare const __BIBFOLIO_CONFIG_SCHEMA_ID__: string | undefined;

/** The build's schema identity, when there is one. */
export const BUILD_SCHEMA_ID: string | undefined =
  typeof __BIBFOLIO_CONFIG_SCHEMA_ID__ === 'string' ? __BIBFOLIO_CONFIG_SCHEMA_ID__ : undefined;

/** How many configs the file remembers: a user may switch between a few projects. */
const KEPT = 8;

interface CacheFile {
  readonly schema: string;
  /** Most recently used first. */
  readonly configs: readonly (readonly [text: string, config: Config])[];
}

export interface ConfigCache {
  /** The cache file. */
  readonly path: string;
  /** Identifies the schema (and zod) a cached config was validated with. */
  readonly schemaId: string;
}

function readCacheFile(cache: ConfigCache): CacheFile['configs'] {
  try {
    const file = JSON.parse(readFileSync(cache.path, 'utf8')) as Partial<CacheFile> | null;
    if (file?.schema !== cache.schemaId || !Array.isArray(file.configs)) return [];
    // a damaged pair is left out, never read as a config
    return file.configs.filter(
      (pair: unknown) =>
        Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'object' && pair[1] !== null,
    );
  } catch {
    return []; // no cache yet, or an unreadable one
  }
}

/**
 * `parseConfig(text, file)`, through the cache: the same config (or the same ConfigError) as parseConfig gives.
 */
export function parseConfigCached(text: string, file: string, cache: ConfigCache): Config {
  const configs = readCacheFile(cache);
  const index = configs.findIndex(([known]) => known === text);
  const hit = configs[index];
  if (hit && index === 0) return hit[1];
  const config = hit ? hit[1] : parseConfig(text, file);
  try {
    const kept = [[text, config] as const, ...configs.filter((_, i) => i !== index)].slice(0, KEPT);
    mkdirSync(dirname(cache.path), { recursive: true });
    writeFileAtomicallySync(cache.path, JSON.stringify({ schema: cache.schemaId, configs: kept }), { durable: false });
  } catch {
    // a cache that cannot be written only costs time next run
  }
  return config;
}
