/**
 * `--disambiguate` (config `disambiguate`): a list keeps the style's own disambiguation, as the style's bibliography
 * and pandoc print it: two papers by one author in one year are `2024a` and `2024b` in APA, in the style's order
 * (by title); without it each entry renders on its own and both say `2024`. A numbered style keeps bibfolio's order.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const STORE = `@article{b, title = {Beta Paper}, author = {Smith, John}, journal = {J}, year = 2024}
@article{a, title = {Alpha Paper}, author = {Smith, John}, journal = {J}, year = 2024}
@article{c, title = {Gamma}, author = {Jones, Ann}, journal = {J}, year = 2023}
`;

function project(config: object = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-disambiguate-'));
  writeFileSync(join(dir, 'pubs.bib'), STORE);
  writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify({ store: 'pubs.bib', ...config }));
  return dir;
}

describe('--disambiguate', () => {
  it("APA: the style's year suffixes, by title; without it, the year alone", async () => {
    const dir = project();
    const plain = await cli(['format', '-s', 'apa', '-t', 'text', '--no-cache'], dir);
    expect(plain.stdout.match(/\(2024\)/g)).toHaveLength(2);
    const suffixed = await cli(['format', '-s', 'apa', '-t', 'text', '--disambiguate'], dir);
    expect(suffixed.code, suffixed.stderr).toBe(0);
    // bibfolio's order (the store's, newest first) is kept; the suffixes follow the style's own sort (by title)
    expect(suffixed.stdout.split('\n').filter(Boolean)).toEqual([
      'Smith, J. (2024b). Beta Paper. J.',
      'Smith, J. (2024a). Alpha Paper. J.',
      'Jones, A. (2023). Gamma. J.',
    ]);
    // the same with workers and from the cache on a second run
    const again = await cli(['format', '-s', 'apa', '-t', 'text', '--disambiguate', '--jobs', '2'], dir);
    expect(again.stdout).toBe(suffixed.stdout);
  });

  it('from the config; a numbered style keeps the list’s numbers', async () => {
    const dir = project({ disambiguate: true });
    const apa = await cli(['format', '-s', 'apa', '-t', 'text'], dir);
    expect(apa.stdout).toContain('(2024a)');
    const numbered = await cli(['format', '-s', 'vancouver', '-t', 'text'], dir);
    expect(numbered.code, numbered.stderr).toBe(0);
    expect(
      numbered.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 2)),
    ).toEqual(['1.', '2.', '3.']);
    expect(numbered.stdout.indexOf('Beta Paper')).toBeLessThan(numbered.stdout.indexOf('Alpha Paper'));
  });
});
