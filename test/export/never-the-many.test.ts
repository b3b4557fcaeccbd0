/**
 * export-bib never punishes the many for the one (conventions from real stores): a duplicate key exports the first
 * entry, as bibtex does; an entry it cannot clean (a DBLP DOI with `\_`, `\ensuremath` in an ADS title, a UTF-8 key
 * in the bibtex target) is copied as written; one that holds a command reaching files or the shell is left out alone,
 * named, with exit 1; `@string` and `@preamble` are kept; a `%` line inside an entry is a comment.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStore } from '../../src/store/parse.js';
import { cli } from '../helpers.js';

function exportOf(store: string): Promise<{ code: number; stderr: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-many-'));
  writeFileSync(join(dir, 'store.bib'), store);
  return cli(['export-bib', '--bib', 'store.bib', '--out', 'out.bib'], dir).then((run) => {
    let text = '';
    try {
      text = readFileSync(join(dir, 'out.bib'), 'utf8');
    } catch {
      // not written
    }
    return { code: run.code, stderr: run.stderr, text };
  });
}

const GOOD = '@article{good, author = {Benton, Joe}, title = {Good}, journal = {J}, year = 2024}\n';

describe('export-bib writes every entry it can', () => {
  it('duplicate-key: the first entry is exported, the copy named with its line (bibtex keeps the first)', async () => {
    const run = await exportOf(
      `${GOOD}@article{dup, title = {First}, author = {A, B}, journal = {J}, year = 2020}\n@article{dup, title = {Second}, author = {A, B}, journal = {J}, year = 2021}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /store\.bib:3: warning \[duplicate-key\] entry "dup": the key is used twice; as bibtex does, the first entry is exported/,
    );
    expect(parseStore(run.text).entries.map((e) => e.key)).toEqual(['good', 'dup']);
    expect(run.text).toContain('First');
    expect(run.text).not.toContain('Second');
  });

  it('dblp-doi-escaped-underscore and ads-ensuremath-title: copied as written, the others cleaned', async () => {
    const run = await exportOf(
      `${GOOD}@inproceedings{DBLP:conf/x/Y19, author = {Benton, Joe}, title = {T}, booktitle = {B}, year = {2019}, doi = {10.1007/978-3-030-30484-3\\_3}}\n` +
        `@article{2026A&A...710L..32M, author = {{Benton}, J.}, title = {A {\\ensuremath{\\sim}}10 Myr disc}, journal = {\\aap}, year = 2026}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning \[copied-as-written\]/);
    expect(parseStore(run.text).entries.map((e) => e.key)).toEqual(['good', 'DBLP:conf/x/Y19', '2026A&A...710L..32M']);
    expect(run.text).toContain('{A {\\ensuremath{\\sim}}10 Myr disc}');
  });

  it('an entry with \\input is left out alone, named, and the exit status says so; @string and @preamble kept', async () => {
    const run = await exportOf(
      `@preamble{"\\newcommand{\\noopsort}[1]{}"}\n@string{jn = {Journal of Things}}\n${GOOD}` +
        `@article{bad, author = {A, B}, title = {Run \\input{/etc/passwd}}, journal = jn, year = 2020}\n` +
        `@article{usesmacro, author = {A, B}, title = {{\\noopsort{a}}M}, journal = jn, year = 2020}\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/store\.bib:4: error \[unsafe-value\] entry "bad": .*the entry is left out/);
    expect(run.stderr).toMatch(/1 entry or block was left out \(named above\); the rest was written/);
    const out = parseStore(run.text);
    expect(out.entries.map((e) => e.key)).toEqual(['good', 'usesmacro']);
    expect(run.text).toContain('@preamble{"\\newcommand{\\noopsort}[1]{}"}');
    expect(run.text).toContain('@string{jn = {Journal of Things}}');
  });

  it('percent-line-inside-entry: a field commented out with % is skipped, as biber and the site generators do', async () => {
    const run = await exportOf(
      `@article{c,\n  author = {Benton, Joe},\n  title = {T},\n% note = {hidden},\n  journal = {J}, % trailing\n  year = 2024\n}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.text).toContain('journal = {J}');
    expect(run.text).not.toContain('hidden');
  });
});
