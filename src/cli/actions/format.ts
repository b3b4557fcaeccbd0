/** The work of `bibfolio format`: prints the publication list, or writes it with --out. */
import { resolve } from 'node:path';
import type { OutputFormat } from '../../render/formats.js';
import { loadContext } from '../context.js';
import type { Io } from '../io.js';
import { listOptions, type ListCommandFlags } from '../list-options.js';
import { withListSession } from '../list-session.js';
import { printProblems } from '../load.js';
import { writeOutputFile } from '../output-file.js';

export interface FormatFlags extends ListCommandFlags {
  readonly to: OutputFormat;
  readonly out?: string;
}

export async function run(flags: FormatFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  const { output, problems } = await withListSession(ctx, io, flags, (session) =>
    session.render(listOptions(ctx, io.cwd, flags.to, flags)),
  );
  printProblems(problems, io);
  // "-" is standard output, as for export-bib
  if (flags.out && flags.out !== '-') writeOutputFile(resolve(io.cwd, flags.out), output);
  else io.stdout(output);
}
