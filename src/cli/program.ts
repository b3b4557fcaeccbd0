/** The command line: builds the commands, runs one, and turns the outcome into an exit code (never exits itself). */
import { Argument, Command, CommanderError } from 'commander';
import { completionScript, SHELLS, type Shell } from './completion.js';
import { examplesText } from './examples.js';
import { ConfigError } from '../model/config.js';
import { StyleError, StyleNotFoundError } from '../csl/registry.js';
import { StoreRewriteError } from '../store/rewrite.js';
import { addCommand } from './add.js';
import { importCommand } from './import.js';
import { syncCommand } from './sync.js';
import { checkCommand } from './check.js';
import { initCommand } from './init.js';
import { formatCommand } from './format.js';
import { CliFailure, CliUsageError, type Io } from './io.js';
import { publicationsCommand } from './publications.js';
import { syncArxivCommand } from './sync-arxiv.js';
import { syncVenuesCommand } from './sync-venues.js';
import { exportBibCommand } from './export-bib.js';
import { exportHugoCommand } from './export-hugo.js';
import { stylesCommand } from './styles.js';

import { VERSION } from '../version.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** The command tree: what `--help`, the completion and the README's command table are made from. */
export function buildProgram(io: Io): Command {
  const program = new Command('bibfolio')
    .description(
      'Keeps a publication list true and beautiful: a BibTeX store, formatted lists, arXiv sync, .bib export.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)');
  for (const cmd of [
    initCommand(io),
    addCommand(io),
    importCommand(io),
    formatCommand(io),
    publicationsCommand(io),
    checkCommand(io),
    syncCommand(io),
    syncArxivCommand(io),
    syncVenuesCommand(io),
    exportBibCommand(io),
    exportHugoCommand(io),
    stylesCommand(io),
  ])
    program.addCommand(cmd);
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
  const program = buildProgram(io);
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
    if (err instanceof CliUsageError) {
      io.stderr(`bibfolio: ${err.message}\n`);
      return EXIT.usage;
    }
    if (
      err instanceof CliFailure ||
      err instanceof ConfigError ||
      err instanceof StyleNotFoundError ||
      err instanceof StyleError ||
      err instanceof StoreRewriteError
    ) {
      if (err.cause !== 'silent') io.stderr(`bibfolio: ${err.message}\n`);
      return EXIT.failure;
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
