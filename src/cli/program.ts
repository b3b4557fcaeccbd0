/** The command line: builds the commands, runs one, and turns the outcome into an exit code (never exits itself). */
import { Argument, Command, CommanderError } from 'commander';
import { completionScript, SHELLS, type Shell } from './completion.js';
import { examplesText } from './examples.js';
import { EXIT, failureOf } from './failures.js';
import type { Io } from './io.js';

import { VERSION } from '../version.js';

type Define = (io: Io) => Command;

/**
 * The command table, in the order `--help` lists it: each command's one file, loaded when it is needed. A run loads
 * only the command it names (starting bibfolio reads no other command's code); help, completion and the README's
 * table load them all.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Define>])[] = [
  ['init', async () => (await import('./commands/init.js')).initCommand],
  ['add', async () => (await import('./commands/add.js')).addCommand],
  ['import', async () => (await import('./commands/import.js')).importCommand],
  ['format', async () => (await import('./commands/format.js')).formatCommand],
  ['publications', async () => (await import('./commands/publications.js')).publicationsCommand],
  ['check', async () => (await import('./commands/check.js')).checkCommand],
  ['sync', async () => (await import('./commands/sync.js')).syncCommand],
  ['sync-arxiv', async () => (await import('./commands/sync-arxiv.js')).syncArxivCommand],
  ['sync-venues', async () => (await import('./commands/sync-venues.js')).syncVenuesCommand],
  ['export-bib', async () => (await import('./commands/export-bib.js')).exportBibCommand],
  ['export-hugo', async () => (await import('./commands/export-hugo.js')).exportHugoCommand],
  ['styles', async () => (await import('./commands/styles.js')).stylesCommand],
];

/**
 * The command tree: what `--help`, the completion and the README's command table are made from. With `argv`, a run
 * that names a command gets a tree of that command alone, which parses and runs it exactly as the whole tree would.
 */
export async function buildProgram(io: Io, argv?: readonly string[]): Promise<Command> {
  const first = argv?.[0];
  const named = COMMANDS.find(([name]) => name === first);
  // the version needs no command at all
  const wanted = first === '-v' || first === '--version' ? [] : named ? [named] : COMMANDS;
  const commands = await Promise.all(wanted.map(([, load]) => load()));
  const program = new Command('bibfolio')
    .description(
      'Keeps a publication list true and beautiful: a BibTeX store, formatted lists, arXiv sync, .bib export.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)');
  for (const define of commands) program.addCommand(define(io));
  program.addCommand(
    new Command('completion')
      .description('print the shell completion script (bash, zsh or fish), generated from the commands themselves')
      .addArgument(new Argument('<shell>', 'the shell').choices([...SHELLS]))
      .action((shell: Shell) => io.stdout(completionScript(shell, program))),
  );
  const configure = (cmd: Command, path: string): void => {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
    const examples = examplesText(path);
    if (examples) cmd.addHelpText('after', examples);
    cmd.commands.forEach((sub) => configure(sub, path ? `${path} ${sub.name()}` : sub.name()));
  };
  configure(program, '');
  return program;
}

/** Runs the CLI with `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const program = await buildProgram(io, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version'].includes(err.code)) return EXIT.ok;
      // `bibfolio help CMD` exits 0; help shown because no command was given is a usage error
      if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.usage;
    }
    const failure = failureOf(err);
    if (failure) {
      for (const line of failure.details) io.stderr(`${line}\n`);
      if (failure.text) io.stderr(`bibfolio: ${failure.text}\n`);
      return failure.exit;
    }
    // no stack trace reaches a user unless asked for
    if (io.env.BIBFOLIO_DEBUG === '1')
      io.stderr(`bibfolio: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    else {
      const message = String((err as Error).message ?? err).split('\n')[0];
      io.stderr(
        `bibfolio: unexpected error: ${message} (run again with BIBFOLIO_DEBUG=1 for details, and please report it)\n`,
      );
    }
    return EXIT.failure;
  }
}
