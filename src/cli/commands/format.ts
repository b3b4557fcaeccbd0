/** `bibfolio format`: prints the publication list, or writes it with --out. */
import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addListOptions, addStoreOptions, FORMAT_OPTION } from '../options.js';
import { resolve } from 'node:path';
import type { OutputFormat } from '../../render/formats.js';
import { outputPath } from '../../engine/project.js';
import { projectFor } from '../load.js';
import type { ListCommandFlags } from '../options.js';
import { renderProjectList } from '../../engine/project-lists.js';
import { printProblems, sessionChoices } from '../load.js';
import { writeOutputFile } from '../../store/atomic-write.js';

export function formatCommand(io: Io): Command {
  const cmd = new Command('format').description('print the publication list in one format and style');
  addStoreOptions(cmd);
  cmd.addOption(FORMAT_OPTION()).option('-o, --out <file>', 'write to this file instead of standard output');
  addListOptions(cmd);
  cmd.addOption(new Option('--standalone', 'a whole document (HTML page, LaTeX document) instead of a fragment'));
  return cmd.action(async (flags: FormatFlags) => {
    await run(flags, io);
  });
}

export interface FormatFlags extends ListCommandFlags {
  readonly to: OutputFormat;
  readonly out?: string;
}

export async function run(flags: FormatFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const out = flags.out && flags.out !== '-' ? outputPath(ctx, resolve(io.cwd, flags.out), '--out', false) : undefined;
  const { output, problems } = await renderProjectList(
    ctx,
    flags.to,
    { cwd: io.cwd, env: io.env, flags, ...sessionChoices(flags) },
    (found) => printProblems(found, io),
  );
  printProblems(problems, io);
  // "-" is standard output, as for export-bib
  if (out !== undefined) writeOutputFile(out, output);
  else io.stdout(output);
}
