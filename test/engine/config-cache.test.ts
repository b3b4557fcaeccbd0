/**
 * The validated-config cache (engine/config-cache.ts): a config read back from the cache is the config parseConfig
 * gives for the same text; the cache is used only for the same text and the same schema; an invalid config is never
 * remembered; a damaged cache file is ignored. And the command line: a warm run reads its config from the cache,
 * prints what a run without it prints, and `--no-cache` leaves no cache file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigCached, type ConfigCache } from '../../src/engine/config-cache.js';
import { ConfigError, defaultConfig, parseConfig } from '../../src/model/config.js';
import { ROOT } from '../helpers.js';

const EMBEDDED_CONFIG = readFileSync(join(ROOT, 'bibfolio.config.json'), 'utf8');

function freshCache(schemaId = 'schema-a'): ConfigCache {
  return { path: join(mkdtempSync(join(tmpdir(), 'bibfolio-config-cache-')), 'bibfolio', 'config.json'), schemaId };
}

/** The cache file's configs, as written. */
function cachedTexts(cache: ConfigCache): string[] {
  const file = JSON.parse(readFileSync(cache.path, 'utf8')) as { configs: [string, unknown][] };
  return file.configs.map(([text]) => text);
}

/** Changes the style of the config the cache holds for `text`, so that a read from the cache can be told apart. */
function tamper(cache: ConfigCache, text: string): void {
  const file = JSON.parse(readFileSync(cache.path, 'utf8')) as { configs: [string, { style: string }][] };
  for (const [known, config] of file.configs) if (known === text) config.style = 'tampered';
  writeFileSync(cache.path, JSON.stringify(file));
}

describe('the validated-config cache', () => {
  it('gives the config parseConfig gives, on the first read and from the cache', () => {
    const configs = [
      EMBEDDED_CONFIG,
      '{}',
      '{"owner": {"name": "Ada Lovelace", "orcid": "0000-0002-1825-0097"}, "style": "apa", "groupBy": "year"}',
      '{"people": [{"name": "Jane Doe", "style": "mark", "mark": "†", "legend": "student"}], "nameChanges": {"J. Smith": "Jane Doe"}}',
    ];
    const cache = freshCache();
    for (const text of configs) {
      const expected = parseConfig(text);
      expect(parseConfigCached(text, 'bibfolio.config.json', cache)).toEqual(expected);
      expect(parseConfigCached(text, 'bibfolio.config.json', cache)).toEqual(expected);
    }
    expect(parseConfigCached('{}', 'bibfolio.config.json', cache)).toEqual(defaultConfig());
  });

  it('reads a config back from the cache for the same text and schema only', () => {
    const cache = freshCache();
    parseConfigCached(EMBEDDED_CONFIG, 'bibfolio.config.json', cache);
    tamper(cache, EMBEDDED_CONFIG);
    // the same text: the cache is read (and so the tampered value comes back)
    expect(parseConfigCached(EMBEDDED_CONFIG, 'bibfolio.config.json', cache).style).toBe('tampered');
    // another schema: validated again
    expect(parseConfigCached(EMBEDDED_CONFIG, 'bibfolio.config.json', { ...cache, schemaId: 'schema-b' }).style).toBe(
      'cv',
    );
    // one more space is another text: validated again
    expect(parseConfigCached(`${EMBEDDED_CONFIG} `, 'bibfolio.config.json', cache).style).toBe('cv');
  });

  it('never remembers an invalid config, and reports it at every run', () => {
    const cache = freshCache();
    const invalid = '{"style": "cv", "maxAuthor": 3}';
    for (let i = 0; i < 2; i++) {
      expect(() => parseConfigCached(invalid, 'bibfolio.config.json', cache)).toThrow(ConfigError);
      expect(() => parseConfigCached(invalid, 'bibfolio.config.json', cache)).toThrow(
        /unknown key "maxAuthor" \(did you mean "maxAuthors"\?\)/,
      );
    }
    expect(existsSync(cache.path)).toBe(false);
  });

  it('keeps the last eight configs, the latest first', () => {
    const cache = freshCache();
    const texts = Array.from({ length: 10 }, (_, i) => `{"maxAuthors": ${i}}`);
    for (const text of texts) parseConfigCached(text, 'bibfolio.config.json', cache);
    parseConfigCached(texts[5] as string, 'bibfolio.config.json', cache);
    const kept = cachedTexts(cache);
    expect(kept).toHaveLength(8);
    expect(kept[0]).toBe(texts[5]);
    expect(kept).not.toContain(texts[0]);
    expect(kept).not.toContain(texts[1]);
  });

  it('ignores a damaged cache file and writes a good one', () => {
    for (const damage of [
      '',
      '{"schema": "schema-a", "configs": 3}',
      '{not json',
      'null',
      JSON.stringify({ schema: 'schema-a', configs: [[EMBEDDED_CONFIG, null], [EMBEDDED_CONFIG], 'x'] }),
    ]) {
      const cache = freshCache();
      mkdirSync(join(cache.path, '..'), { recursive: true });
      writeFileSync(cache.path, damage);
      expect(parseConfigCached(EMBEDDED_CONFIG, 'bibfolio.config.json', cache)).toEqual(parseConfig(EMBEDDED_CONFIG));
      expect(cachedTexts(cache)).toEqual([EMBEDDED_CONFIG]);
    }
  });
});

describe('the command line and the config cache', () => {
  const launcher = join(ROOT, 'dist/cli/launch.cjs');
  const project = (): { dir: string; cache: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-config-cli-'));
    mkdirSync(join(dir, 'bib'));
    copyFileSync(join(ROOT, 'bib/publications.bib'), join(dir, 'bib/publications.bib'));
    copyFileSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
    return { dir, cache: join(dir, 'cache') };
  };
  const format = (dir: string, cache: string, ...more: string[]): string =>
    execFileSync(process.execPath, [launcher, 'format', '--to', 'markdown', ...more], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cache },
    });

  it('remembers the validated config, and a warm run prints what a run without the cache prints', () => {
    const { dir, cache } = project();
    const first = format(dir, cache);
    expect(existsSync(join(cache, 'bibfolio/config.json'))).toBe(true);
    expect(format(dir, cache)).toBe(first);
    // an edited config is validated again: the new owner is in bold
    const config = JSON.parse(EMBEDDED_CONFIG) as { owner: unknown };
    config.owner = { name: 'Arnaud Doucet' };
    writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify(config));
    const edited = format(dir, cache);
    expect(edited).toContain('**Arnaud Doucet**');
    expect(edited).not.toContain('**Joe Benton**');
    expect(format(dir, cache, '--no-cache')).toBe(edited);
  });

  it('leaves no config cache with --no-cache', () => {
    const { dir, cache } = project();
    format(dir, cache, '--no-cache');
    expect(existsSync(join(cache, 'bibfolio/config.json'))).toBe(false);
  });
});
