/**
 * Every bad input gets one line that names the file, the line or the key, and what to do, with exit 1 (bad data) or
 * 2 (bad usage); never a stack trace. Cases from real use (issue 13).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { cli, ROOT } from '../helpers.js';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'bibfolio-bad-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const STORE = '@article{a, title = {A}, author = {Joe Benton}, journal = {J}, year = {2020}}\n';

describe('one clear line for every bad input', () => {
  it.each([
    [
      '--owner ""',
      ['format', '--owner', ''],
      2,
      /^bibfolio: --owner: the owner's name is empty; give it as "Joe Benton"/,
    ],
    [
      'a missing store',
      ['format', '--bib', 'nope.bib'],
      1,
      /^bibfolio: cannot read the store nope\.bib: no such file$/,
    ],
    [
      'an unknown locale',
      ['format', '--bib', 'bib.bib', '--locale', 'xx-YY'],
      2,
      /^bibfolio: --locale xx-YY: no such CSL locale/,
    ],
    [
      'an unknown style',
      ['format', '--bib', 'bib.bib', '--style', 'no-such-style'],
      1,
      /^bibfolio: unknown style "no-such-style"; .*bibfolio styles add no-such-style/,
    ],
  ])('%s', async (_name, args, code, message) => {
    const run = await cli(args as string[], dir({ 'bibfolio.config.json': '{}', 'bib.bib': STORE }));
    expect(run.code).toBe(code);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('suggests the key a config typo meant', async () => {
    const run = await cli(['format'], dir({ 'bibfolio.config.json': '{"stlye": "apa"}' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'bibfolio: bibfolio.config.json: unknown key "stlye" (did you mean "style"?) at (top level)\n',
    );
  });

  it('says that an empty "outputs" leaves nothing to write', async () => {
    const run = await cli(
      ['publications'],
      dir({ 'bibfolio.config.json': '{"outputs": [], "store": "bib.bib"}', 'bib.bib': STORE }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bibfolio: the config's "outputs" is empty, so there is nothing to write/);
  });

  it('warns when the owner is set apart in no entry (a name that matches nobody)', async () => {
    const run = await cli(['format', '--bib', 'bib.bib', '--owner', 'Benton'], dir({ 'bib.bib': STORE }));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning \[owner-not-found\] the owner \("Benton"\) is an author of no entry/);
  });

  it('export-bib on a store with syntax errors writes every entry it can read, names the others, exits 1', async () => {
    // real al-folio stores: a field left without its comma, and a field without its "="
    const store =
      '@article{commaless,\n  title={A},\n  publisher={Elsevier}\n  note={x}\n}\n' +
      '@article{skipped, title {C}}\n' +
      '@article{fine, title = {B}, author = {Joe Benton}, journal = {J}, year = {2020}}\n';
    const d = dir({ 'bib.bib': store });
    const run = await cli(['export-bib', '--bib', 'bib.bib', '--out', 'x.bib'], d);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bib.bib:4:3: error [syntax] entry "commaless": expected "," or "}" after field');
    expect(run.stderr).toContain('bib.bib:6:');
    expect(run.stderr).toMatch(/2 entries or blocks were left out \(named above\); the rest was written/);
    expect(run.stderr).not.toContain('--keep-going');
    const exported = readFileSync(join(d, 'x.bib'), 'utf8');
    expect(exported).toMatch(/@article\{fine,/);
    expect(exported).not.toContain('commaless');
    expect(exported).not.toContain('skipped');
  });

  it('names an unclosed entry once, at the line where it opens', async () => {
    const run = await cli(
      ['check', '--bib', 'bib.bib'],
      dir({ 'bib.bib': '@article{x, title={A}, author={Joe Benton}\n\n@article{y, title={B}}\n' }),
    );
    expect(run.stderr).toContain(
      'bib.bib:1:1: error [syntax] entry "x": this entry is not closed: its "}" is missing before the next entry, on line 3',
    );
    expect(run.stderr.match(/error \[syntax\]/g)).toHaveLength(1);
  });

  it('never shows a stack trace: an unexpected error is one line, the trace only with BIBFOLIO_DEBUG=1', async () => {
    // an unexpected failure: writing the list fails inside the command
    const failing = async (env: Record<string, string>) => {
      let stderr = '';
      const io: Io = {
        cwd: ROOT,
        env,
        interactive: false,
        stdout: () => {
          throw new Error('EPIPE: the reader went away');
        },
        stderr: (text) => {
          stderr += text;
        },
      };
      const code = await runCli(['format', '--no-cache'], io);
      return { code, stderr };
    };
    const plain = await failing({ XDG_CACHE_HOME: dir({}) });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      'bibfolio: unexpected error: EPIPE: the reader went away (run again with BIBFOLIO_DEBUG=1 for details, and please report it)\n',
    );
    const debug = await failing({ XDG_CACHE_HOME: dir({}), BIBFOLIO_DEBUG: '1' });
    expect(debug.stderr).toMatch(/^\s+at /m);
    // and the bad inputs above answer without one
    const d = dir({ 'bibfolio.config.json': '{}', 'style.csl': 'not xml' });
    for (const args of [
      ['format', '--style', 'style.csl'],
      ['format', '--owner', ''],
      ['format', '--to', 'nope'],
    ]) {
      const run = await cli(args, d);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
