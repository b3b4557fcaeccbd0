/**
 * Every entry accounted for: an `@` that starts an entry is read or reported with its line; a key used twice is an
 * error for `check` and each copy prints its own text; the output never depends on what ran before.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EMBEDDED_STORE, fixture, SHARED } from '../helpers.js';

const MENDELEY = join(SHARED, 'fixtures/bib-real/bug-reports/web_page-and-other-mendeley-idiocy.bib');

function store(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-lost-'));
  const path = join(dir, 'store.bib');
  writeFileSync(path, text);
  return path;
}

const embedded = readFileSync(EMBEDDED_STORE, 'utf8');

describe('every entry accounted for', () => {
  it('reports an entry whose type is not followed by "{" (it vanished with "0 errors")', async () => {
    const path = store(embedded.replace('@misc{gema2025inverse,', '@miscgema2025inverse,'));
    const check = await cli(['check', '--bib', path]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(
      /store\.bib:27:21: error \[syntax\] "@miscgema2025inverse" is followed by ",", not by "\{": write @miscgema2025inverse\{key, \.\.\.\} \(the entry was skipped\)/,
    );
    expect(check.stderr).toMatch(/15 entries, 1 error/);
    const format = await cli(['format', '--bib', path]);
    expect(format.code).toBe(1);
    expect(format.stdout).toBe('');
    // the export leaves the skipped entry out, says so and writes the 15 others (the store is not touched)
    const exported = await cli(['export-bib', '--bib', path, '--out', join(tmpdir(), 'skipped-one.bib')]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/\(bibtex, 15 entries\)/);
    expect(exported.stderr).toMatch(/1 entry or block was left out \(named above\); the rest was written/);
  });

  it('reports a file cut right after "@inproceed"', async () => {
    const cut = embedded.slice(0, embedded.indexOf('@inproceedings') + 10);
    const check = await cli(['check', '--bib', store(cut)]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/error \[syntax\] "@inproceed" is followed by the end of the file, not by "\{"/);
  });

  it('refuses a store with a NUL in a key (a damaged file), naming line and column, and prints nothing', async () => {
    const path = store(embedded.replace('@article{benton2024error,', '@article{benton2024\u0000error,'));
    const line = embedded.slice(0, embedded.indexOf('@article{benton2024error,')).split('\n').length;
    for (const argv of [['check'], ['format'], ['export-bib', '--out', '-']]) {
      const run = await cli([...argv, '--bib', path]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `store.bib:${line}:20: error [control-character] entry "benton2024error": the key holds a control character (U+0000)`,
      );
      expect(run.stderr).not.toContain('\u0000');
    }
  });

  it('reads a store whose values hold control characters, warning with the entry, and never prints them', async () => {
    const path = store(embedded.replace('{Error Bounds for Flow', '{\u001b[31mError\u0007 Bounds for Flow'));
    const check = await cli(['check', '--bib', path]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/warning \[control-character\] entry "benton2024error": holds a control character/);
    const format = await cli(['format', '--bib', path, '--to', 'text']);
    expect(format.code, format.stderr).toBe(0);
    expect(format.stdout).toContain('[31mError Bounds for Flow');
    expect(format.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('keeps an @ inside a line (an e-mail address in a comment) as text', async () => {
    const check = await cli(['check', '--bib', store(`Contact joe@example.org for questions.\n${embedded}`)]);
    expect(check.code).toBe(0);
  });

  it('says which field of an unreadable entry to fix, in its own words', async () => {
    const path = store("@article{bad, author = {Ragnhei{\\d}ur Bogad{\\'o}ttir}, title = {T}, year = 2020}\n");
    const check = await cli(['check', '--bib', path]);
    expect(check.stderr).toContain(
      'error [unreadable-entry] entry "bad": the author field cannot be read: a LaTeX command there has no {argument}, or a brace is missing',
    );
    expect(check.stderr).not.toMatch(/->|StringNames|expected "/);
  });
});

describe('a key used twice', () => {
  const bib = fixture('bib/duplicate-key-different-content.bib');

  it('is an error for check, naming both lines', async () => {
    const check = await cli(['check', '--bib', bib]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(
      /:8: error \[duplicate-key\] entry "same2024": the key "same2024" is already used on line 1/,
    );
  });

  it('prints each copy with its own text, the same from a fresh cache after check as with --no-cache', async () => {
    const cache = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'bibfolio-cache-')) };
    const copy = join(mkdtempSync(join(tmpdir(), 'bibfolio-dup-')), 'store.bib');
    copyFileSync(bib, copy);
    await cli(['check', '--bib', copy], undefined, cache);
    const first = await cli(['format', '--bib', copy, '--keep-going', '--to', 'text'], undefined, cache);
    const second = await cli(['format', '--bib', copy, '--keep-going', '--to', 'text'], undefined, cache);
    const fresh = await cli(['format', '--bib', copy, '--keep-going', '--to', 'text', '--no-cache'], undefined, cache);
    expect(first.stdout).toContain('The First Paper');
    expect(first.stdout).toContain('The Second Paper');
    expect(first.stdout.match(/A Twin/g)).toHaveLength(2);
    expect(second.stdout).toBe(first.stdout);
    expect(fresh.stdout).toBe(first.stdout);
  });
});

describe.skipIf(!existsSync(MENDELEY))('a long store with duplicated entries (the item cache path)', () => {
  it('prints all 475 entries on the first run after check, as with --no-cache', async () => {
    const cache = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'bibfolio-cache-')) };
    await cli(['check', '--bib', MENDELEY], undefined, cache);
    const first = await cli(['format', '--bib', MENDELEY, '--keep-going', '--to', 'html'], undefined, cache);
    const fresh = await cli(
      ['format', '--bib', MENDELEY, '--keep-going', '--to', 'html', '--no-cache'],
      undefined,
      cache,
    );
    expect(first.stdout.match(/<li/g)).toHaveLength(475);
    expect(first.stdout).toBe(fresh.stdout);
  }, 60_000);
});
