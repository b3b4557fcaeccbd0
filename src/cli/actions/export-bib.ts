/** The work of `bibfolio export-bib`: a clean .bib for LaTeX (bibtex or biblatex target). */
import { relative, resolve } from 'node:path';
import { exportBib, type ExportTarget } from '../../export/export.js';
import { hasErrors } from '../../model/problems.js';
import { VERSION } from '../../version.js';
import { loadContext } from '../context.js';
import { CliFailure, type Io } from '../io.js';
import { loadPublications } from '../list-session.js';
import { printProblems, reportLoadProblems } from '../load.js';
import { writeOutputFile } from '../output-file.js';

export interface ExportFlags {
  bib?: string;
  config?: string;
  target?: ExportTarget;
  out?: string;
  selected?: boolean;
  keys?: string;
  owner?: string;
}

export async function run(flags: ExportFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  // through the item cache of the list commands: a repeated check or export of a long store is quick
  const pubs = await loadPublications(ctx, io);
  reportLoadProblems(pubs, io, false, false);
  const target = flags.target ?? ctx.config.export.target;
  const result = exportBib(pubs.store.entries, pubs.items, {
    target,
    ...(ctx.owner ? { owner: ctx.owner } : {}),
    selectedOnly: flags.selected ?? false,
    ...(flags.keys
      ? {
          keys: flags.keys
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        }
      : {}),
    file: pubs.store.file,
    header: `Exported by bibfolio ${VERSION} from ${pubs.store.file} (${target}). Edit the store, not this file.`,
  });
  printProblems(result.problems, io);
  if (hasErrors(result.problems)) throw new CliFailure(`nothing was exported: fix the entries above`);
  if (flags.out === '-') {
    io.stdout(result.text);
    return;
  }
  const path = flags.out ? resolve(io.cwd, flags.out) : resolve(ctx.root, ctx.config.export.out);
  writeOutputFile(path, result.text);
  io.stderr(`wrote ${relative(io.cwd, path) || path} (${target}, ${result.count} entries)\n`);
}
