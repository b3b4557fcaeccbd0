import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, ROOT } from '../helpers.js';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-cli-'));
  cpSync(join(ROOT, 'bib'), join(dir, 'bib'), { recursive: true });
  cpSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
  return dir;
}

describe('bibfolio format', () => {
  it('prints the embedded list in the chosen format and style', async () => {
    const run = await cli(['format', '--to', 'html', '--style', 'apa']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<strong class="bibfolio-owner">Benton, J.</strong>');
    expect(run.stderr).toBe('');
  });

  it('writes --out, with every list option', async () => {
    const dir = project();
    const run = await cli(
      [
        'format',
        '--to',
        'markdown',
        '--out',
        'out/list.md',
        '--max-authors',
        '3',
        '--group-by',
        'year',
        '--selected',
        '--link-titles',
        '--owner',
        'Arnaud Doucet',
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const md = readFileSync(join(dir, 'out/list.md'), 'utf8');
    expect(md).toContain('## 2024');
    expect(md).not.toContain('## 2023'); // no selected paper in 2023
    expect(md).toContain(
      '[Error Bounds for Flow Matching Methods](<https://arxiv.org/abs/2305.16860>). Joe Benton, George Deligiannidis, **Arnaud Doucet**.',
    );
    // limit 3, owner 5th: eliding would hide two names only, so they are shown
    expect(md).toContain('Joe Benton, Yuyang Shi, Valentin De Bortoli, George Deligiannidis, **Arnaud Doucet**.');
  });

  it('overrides an annotation symbol with --mark', async () => {
    const run = await cli(['format', '--to', 'text', '--mark', 'equal=†']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Joe Benton†, Yuyang Shi†');
    expect(run.stdout).toContain('† Equal contribution');
    expect((await cli(['format', '--mark', 'equal'])).code).toBe(2);
  });

  it('accepts a .csl file path', async () => {
    const run = await cli(['format', '--to', 'text', '--style', 'styles/cv.csl']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Transactions on Machine Learning Research, February 2024.');
  });

  it('exits 2 on a usage error', async () => {
    for (const argv of [
      ['format', '--to', 'docx'],
      ['format', '--max-authors', 'ten'],
      ['format', '--nope'],
      ['no-such-command'],
      [],
    ]) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr.length).toBeGreaterThan(0);
    }
  });

  it('exits 1 with a one-line reason on a failure', async () => {
    const missing = await cli(['format', '--bib', 'no/such.bib']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('bibfolio: cannot read the store no/such.bib: no such file\n');
    const style = await cli(['format', '--style', 'nosuchstyle']);
    expect(style.code).toBe(1);
    expect(style.stderr).toMatch(/^bibfolio: unknown style "nosuchstyle"/);
  });

  it('refuses a store with errors, naming file, line and entry, unless --keep-going', async () => {
    const bib = fixture('bib/broken-entry-among-good-ones.bib');
    const run = await cli(['format', '--bib', bib, '--to', 'text']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'broken-entry-among-good-ones.bib:7:1: error [syntax] entry "broken": this entry is not closed',
    );
    const kept = await cli(['format', '--bib', bib, '--to', 'text', '--keep-going']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('First Good Entry');
    expect(kept.stdout).toContain('Second Good Entry');
  });

  it('has --help on every command', async () => {
    for (const command of ['format', 'publications', 'check', 'sync-arxiv']) {
      const run = await cli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: bibfolio ${command}`);
    }
  });
});

describe('bibfolio publications', () => {
  it('writes the four outputs named in the config', async () => {
    const dir = project();
    const run = await cli(['publications'], dir);
    expect(run.code).toBe(0);
    for (const ext of ['md', 'html', 'tex', 'txt'])
      expect(existsSync(join(dir, `dist/publications.${ext}`)), ext).toBe(true);
    expect(readFileSync(join(dir, 'dist/publications.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(join(dir, 'dist/publications.md'), 'utf8')).toContain('**Joe Benton**\\*, Yuyang Shi\\*');
  });

  it('names the wrong key of a bad config, and exits 1', async () => {
    const dir = project();
    writeFileSync(
      join(dir, 'bibfolio.config.json'),
      '{"owner": {"name": "Joe Benton"}, "maxAuthors": "10", "colour": "red"}',
    );
    const run = await cli(['publications'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bibfolio.config.json: unknown key "colour" at (top level)');
    expect(run.stderr).toContain('bibfolio.config.json: maxAuthors:');
  });
});

describe('bibfolio check', () => {
  it('passes the embedded store', async () => {
    const run = await cli(['check']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('bib/publications.bib: 16 entries, 0 errors, 0 warnings\n');
  });

  it('exits 1 on errors and 0 on warnings only', async () => {
    expect((await cli(['check', '--bib', fixture('bib/check-finds-every-problem.bib')])).code).toBe(1);
    const dir = project();
    writeFileSync(join(dir, 'warn.bib'), '@article{k, title = {T}, author = {Someone, Else}, year = 2020}');
    const warn = await cli(['check', '--bib', 'warn.bib'], dir);
    expect(warn.code).toBe(0);
    expect(warn.stderr).toContain('warn.bib:1: warning [missing-field] entry "k": @article entries need journal');
    expect(warn.stderr).toContain('warning [owner-missing]');
  });
});

describe('the installed command', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/launch.cjs')))
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  });

  it('runs as a process with the right exit codes', () => {
    const dir = project();
    const main = join(ROOT, 'dist/cli/launch.cjs');
    const ok = spawnSync(process.execPath, [main, 'publications'], { cwd: dir, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('wrote dist/publications.md');
    expect(spawnSync(process.execPath, [main, 'format', '--to', 'pdf'], { cwd: dir }).status).toBe(2);
    expect(
      spawnSync(process.execPath, [main, 'check', '--bib', fixture('bib/check-finds-every-problem.bib')], { cwd: dir })
        .status,
    ).toBe(1);
    expect(spawnSync(process.execPath, [main, '--version'], { cwd: dir, encoding: 'utf8' }).stdout.trim()).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
  });
});
