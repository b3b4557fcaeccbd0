/** The work of `bibfolio format`: prints the publication list, or writes it with --out. */
import { resolve } from 'node:path';
import type { OutputFormat } from '../../render/formats.js';
import { loadContext, outputPath } from '../context.js';
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
  const out = flags.out && flags.out !== '-' ? outputPath(ctx, resolve(io.cwd, flags.out), '--out', false) : undefined;
  const { output, problems } = await withListSession(ctx, io, flags, (session) =>
    session.render(listOptions(ctx, io.cwd, flags.to, flags)),
  );
  printProblems(problems, io);
  // "-" is standard output, as for export-bib
  if (out !== undefined) writeOutputFile(out, output);
  else io.stdout(output);
}
