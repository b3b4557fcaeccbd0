/** `bibfolio export-bib`: a clean .bib for LaTeX. */
import { Command, Option } from 'commander';
import { EXPORT_TARGETS } from '../../export/targets.js';
import { JOURNAL_MACRO_MODES } from '../../export/journal-macro-modes.js';
import { CliFailure, type Io } from '../io.js';
import { addNoCacheOption, addStoreOptions } from '../options.js';
import { relative, resolve } from 'node:path';
import type { ExportTarget, JournalMacroMode } from '../../export/export.js';
import { refuseErrors, type Problem } from '../../model/problems.js';
import { VERSION } from '../../version.js';
import { outputPath } from '../../engine/project.js';
import { projectFor } from '../load.js';
import { withProjectSession } from '../../engine/project-lists.js';
import { printProblems } from '../load.js';
import { writeOutputFile } from '../../store/atomic-write.js';

export function exportBibCommand(io: Io): Command {
  const cmd = new Command('export-bib').description(
    'write a clean .bib for LaTeX: bibtex (ASCII, natbib) or biblatex (UTF-8, biber); every entry it can, exit 1 when one was left out',
  );
  addStoreOptions(cmd);
  cmd
    .addOption(
      new Option('-t, --to <target>', 'bibtex or biblatex (default: "export.target" in the config, bibtex)').choices([
        ...EXPORT_TARGETS,
      ]),
    )
    .addOption(
      new Option('--target <target>', 'the same as --to (kept for scripts)').choices([...EXPORT_TARGETS]).hideHelp(),
    )
    .option(
      '-o, --out <file>',
      'where to write (default: "export.out" in the config, dist/publications.bib); "-" for standard output',
    )
    .addOption(
      new Option(
        '--journal-macros <mode>',
        'AAS journal macros (\\mnras, \\apj): keep them for a document that loads aas_macros, or expand them to the abbreviation (default: "export.journalMacros" in the config, keep)',
      ).choices([...JOURNAL_MACRO_MODES]),
    )
    .option('--selected', 'only the selected papers')
    .option('--keys <k1,k2>', 'only these entries')
    .option('--owner <name>', 'the owner, marked "highlight" in biblatex annotations (overrides the config)');
  addNoCacheOption(cmd);
  return cmd.action(async (flags: ExportFlags) => {
    await run(flags, io);
  });
}

export interface ExportFlags {
  bib?: string;
  config?: string;
  to?: ExportTarget;
  /** The same as `to` (its older name). */
  target?: ExportTarget;
  out?: string;
  selected?: boolean;
  keys?: string;
  owner?: string;
  journalMacros?: JournalMacroMode;
  /** false with --no-cache */
  cache?: boolean;
}

export async function run(flags: ExportFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const target = flags.to ?? flags.target ?? ctx.config.export.target;
  // through the caches of the list commands: a repeated export of a long store maps only what changed. A store with
  // syntax errors is exported too: every entry that could be read is, those the reader skipped are named, and the
  // exit status says so. A damaged file (a control character in a key) is refused whole.
  const found: Problem[] = [];
  const result = await withProjectSession(
    ctx,
    io.env,
    { jobs: 0, keepGoing: true, ...(flags.cache === false ? { cache: false } : {}) },
    (problems) => {
      found.push(...problems);
      printProblems(problems, io);
      const damaged = problems.filter((p) => p.severity === 'error' && p.code === 'control-character');
      refuseErrors(damaged, ctx.storeDisplay, false, false);
    },
    (session, store) =>
      session.exportBib({
        target,
        ...(ctx.owner ? { owner: ctx.owner } : {}),
        selectedOnly: flags.selected ?? false,
        journalMacros: flags.journalMacros ?? ctx.config.export.journalMacros,
        ...(flags.keys
          ? {
              keys: flags.keys
                .split(',')
                .map((k) => k.trim())
                .filter(Boolean),
            }
          : {}),
        file: store.file,
        header: `Exported by bibfolio ${VERSION} from ${store.file} (${target}). Edit the store, not this file.`,
      }),
  );
  printProblems(result.problems, io);
  const path =
    flags.out === '-'
      ? '-'
      : flags.out
        ? outputPath(ctx, resolve(io.cwd, flags.out), '--out', false)
        : outputPath(ctx, resolve(ctx.root, ctx.config.export.out), `the config's export.out`, true);
  // a --keys name that is not in the store is a mistake in the command: nothing is written
  if (result.problems.some((p) => p.code === 'unknown-key'))
    throw new CliFailure(`nothing was exported: fix the --keys above`);
  // every entry that could be exported is; the exit status tells a script that some were left out (named above)
  const errors = [...found, ...result.problems].filter((p) => p.severity === 'error');
  const leftOut = new Set(errors.map((p) => `${p.key ?? ''}:${p.line ?? ''}`));
  if (flags.out === '-') io.stdout(result.text);
  else {
    writeOutputFile(path, result.text);
    io.stderr(`wrote ${relative(io.cwd, path) || path} (${target}, ${result.count} entries)\n`);
  }
  if (errors.length > 0)
    throw new CliFailure(
      `${leftOut.size} ${leftOut.size === 1 ? 'entry or block was' : 'entries or blocks were'} left out (named above); the rest ${flags.out === '-' ? 'was printed' : 'was written'}`,
    );
}
