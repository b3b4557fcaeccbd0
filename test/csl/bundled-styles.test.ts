/**
 * The 50 styles bundled in styles/ (scripts/bundle-styles.mjs, listed with their licence in styles/BUNDLED.md) work
 * offline: each renders the embedded store, every entry, with the owner set apart in every entry. Style names are
 * found whatever their case, and a near miss gets a suggestion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStyleInfo } from '../../src/csl/style-info.js';
import { cli, ROOT } from '../helpers.js';

const bundled = readdirSync(join(ROOT, 'styles'))
  .filter((f) => f.endsWith('.csl') && f !== 'cv.csl')
  .map((f) => f.slice(0, -4));

describe('bundled styles', () => {
  it('are the 50 listed in styles/BUNDLED.md, with the licence notice', () => {
    expect(bundled).toHaveLength(50);
    const notice = readFileSync(join(ROOT, 'styles/BUNDLED.md'), 'utf8');
    expect(notice).toContain('Creative Commons Attribution-ShareAlike 3.0');
    for (const name of bundled) expect(notice, name).toContain(`| \`${name}\` |`);
  });

  it('are well-formed CSL, every one, cv.csl included: so a run need not validate their XML again', () => {
    for (const file of readdirSync(join(ROOT, 'styles')).filter((f) => f.endsWith('.csl'))) {
      const info = readStyleInfo(readFileSync(join(ROOT, 'styles', file), 'utf8'));
      expect(info.hasBibliography, file).toBe(true);
    }
  });

  it.each(bundled)('%s renders every entry of the embedded store with the owner set apart', async (name) => {
    const run = await cli(['format', '-s', name, '-t', 'html', '--no-cache', '--jobs', '0']);
    expect(run.code, run.stderr).toBe(0);
    const entries = run.stdout.match(/<li[ >][\s\S]*?<\/li>/g) ?? [];
    expect(entries).toHaveLength(16);
    for (const entry of entries) expect(entry, name).toMatch(/class="bibfolio-owner/);
  });

  it('are listed as bundled; names are found in any case; a near miss is suggested', async () => {
    const list = await cli(['styles', 'list']);
    expect(list.stdout).toMatch(/^ieee +\[bundled\] IEEE/m);
    const upper = await cli(['format', '-s', 'IEEE', '-t', 'text']);
    expect(upper.code, upper.stderr).toBe(0);
    expect(upper.stdout).toMatch(/^\[1\] /);
    const typo = await cli(['format', '-s', 'natrue', '-t', 'text']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('unknown style "natrue" (did you mean "nature"?)');
  });
});
