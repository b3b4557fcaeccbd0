/**
 * The caches of mapped items, rendered entries and exported blocks are keyed by the version and the build id
 * (src/version.ts): a digest of the sources and the locked dependencies written into both bundles, so that a build of
 * the same version with other code (from git, or after a fix) never serves another build's results.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildId } from '../../scripts/build-id.mjs';
import { VERSION } from '../../src/version.js';
import { ROOT } from '../helpers.js';

describe('the build id in the cache keys', () => {
  it('is written into both bundles: the digest of the sources they were built from', () => {
    const id = buildId(ROOT);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    for (const bundle of ['bibfolio.cjs', 'render-worker.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      expect(text, `${bundle} is stale: npm run build`).toContain(`+${id}\``);
      expect(text).toContain(`"${VERSION}"`);
    }
  });

  it('changes with one byte of any source file, or with the locked dependencies, and with nothing else', () => {
    const copy = mkdtempSync(join(tmpdir(), 'bibfolio-build-id-'));
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    cpSync(join(ROOT, 'package-lock.json'), join(copy, 'package-lock.json'));
    const original = buildId(copy);
    expect(original).toBe(buildId(ROOT));
    writeFileSync(join(copy, 'README.md'), 'not a source\n');
    expect(buildId(copy)).toBe(original);
    const source = join(copy, 'src', 'csl', 'authors.ts');
    writeFileSync(source, `${readFileSync(source, 'utf8')} `);
    const edited = buildId(copy);
    expect(edited).not.toBe(original);
    const lock = join(copy, 'package-lock.json');
    writeFileSync(lock, `${readFileSync(lock, 'utf8')}\n`);
    expect(buildId(copy)).not.toBe(edited);
  });
});
