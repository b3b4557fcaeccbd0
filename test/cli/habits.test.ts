/**
 * The habits of git and npm, tried as a new user would: short flags, `--to` for the output format everywhere
 * (`--target` kept), `bibfolio help CMD` as `CMD --help`, `-v`, "did you mean" for options and commands, examples
 * in every `--help`, and shell completion for bash, zsh and fish generated from the commands, tried in the real
 * shells (skipped, with one line, where a shell is missing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
for (const shell of ['bash', 'zsh', 'fish'])
  if (!has(shell)) console.warn(`completion test for ${shell} skipped: install it with apt-get install ${shell}`);

const COMMANDS = ['init', 'format', 'publications', 'check', 'sync-arxiv', 'sync-venues', 'export-bib', 'export-hugo'];

describe('the command line follows git and npm', () => {
  it('help CMD is CMD --help, exit 0; -v prints the version', async () => {
    for (const cmd of COMMANDS) {
      const help = await cli(['help', cmd]);
      const flag = await cli([cmd, '--help']);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toBe(flag.stdout);
      expect(help.stdout, cmd).toMatch(/\nExamples:\n {2}bibfolio /);
    }
    const version = await cli(['-v']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('short flags -b -s -t -o, and --to on export-bib with --target kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-habits-'));
    writeFileSync(
      join(dir, 'pubs.bib'),
      '@article{a, author = {Benton, Joe}, title = {T}, journal = {J}, year = 2024}\n',
    );
    const list = await cli(['format', '-b', 'pubs.bib', '-s', 'apa', '-t', 'text', '-o', 'list.txt'], dir);
    expect(list.code, list.stderr).toBe(0);
    const to = await cli(['export-bib', '-b', 'pubs.bib', '--to', 'biblatex', '-o', '-'], dir);
    const target = await cli(['export-bib', '-b', 'pubs.bib', '--target', 'biblatex', '-o', '-'], dir);
    expect(to.code, to.stderr).toBe(0);
    expect(to.stdout).toContain('journaltitle = {J}');
    expect(target.stdout).toBe(to.stdout);
  });

  it('"did you mean" for a mistyped option and command, exit 2', async () => {
    const option = await cli(['format', '--too', 'html']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('(Did you mean --to?)');
    const command = await cli(['formt']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('(Did you mean format?)');
  });
});

async function script(shell: string): Promise<string> {
  const run = await cli(['completion', shell]);
  expect(run.code, run.stderr).toBe(0);
  const file = join(mkdtempSync(join(tmpdir(), 'bibfolio-completion-')), `bibfolio.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
}

describe('shell completion, generated from the commands', () => {
  it.skipIf(!has('bash'))('bash completes commands, subcommands, options and their values', async () => {
    const file = await script('bash');
    const complete = (...words: string[]) =>
      spawnSync(
        'bash',
        [
          '-c',
          `source "$0"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _bibfolio; printf '%s\\n' "\${COMPREPLY[@]}"`,
          file,
        ],
        { encoding: 'utf8' },
      ).stdout.trim();
    expect(complete('bibfolio', 'exp').split('\n')).toEqual(['export-bib', 'export-hugo']);
    expect(complete('bibfolio', 'export-bib', '--to', '').split('\n')).toEqual(['bibtex', 'biblatex']);
    expect(complete('bibfolio', 'styles', '')).toContain('add');
    expect(complete('bibfolio', 'format', '--sel').split('\n')).toEqual(['--selected', '--selected-first']);
  });

  it.skipIf(!has('fish'))('fish completes commands and option values', async () => {
    const file = await script('fish');
    const complete = (line: string) =>
      spawnSync('fish', ['-c', `source $argv[1]; complete -C '${line}'`, file], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((l) => l.split('\t')[0])
        .filter(Boolean);
    expect(complete('bibfolio expo')).toEqual(['export-bib', 'export-hugo']);
    expect(complete('bibfolio export-bib --to ')).toEqual(['biblatex', 'bibtex']);
  });

  it.skipIf(!has('zsh'))('zsh reads the script and defines the completion function', async () => {
    const file = await script('zsh');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    const run = spawnSync(
      'zsh',
      [
        '-c',
        `autoload -U compinit; compinit -u -D; source "$1"; whence -w _bibfolio _bibfolio_export_bib`,
        'zsh',
        file,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toContain('_bibfolio: function');
    expect(run.stdout).toContain('_bibfolio_export_bib: function');
  });
});
