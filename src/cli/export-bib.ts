/** `bibfolio export-bib`: a clean .bib for LaTeX. Light: the work is loaded on use. */
import { Command, Option } from 'commander';
import { EXPORT_TARGETS } from '../export/targets.js';
import { JOURNAL_MACRO_MODES } from '../export/journal-macro-modes.js';
import type { ExportFlags } from './actions/export-bib.js';
import type { Io } from './io.js';
import { addStoreOptions } from './options.js';

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
  return cmd.action(async (flags: ExportFlags) => {
    const { run } = await import('./actions/export-bib.js');
    await run(flags, io);
  });
}
