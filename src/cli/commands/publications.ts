/** `bibfolio publications`: writes every output named in the config. */
import { Command } from 'commander';
import { CliFailure, type Io } from '../io.js';
import { addListOptions, addStoreOptions } from '../options.js';
import { dirname, join, relative } from 'node:path';
import { projectFor } from '../load.js';
import type { ListCommandFlags } from '../options.js';
import { renderProjectOutputs } from '../../engine/project-lists.js';
import { printProblems, sessionChoices } from '../load.js';
import { writeOutputFile } from '../../store/atomic-write.js';

export function publicationsCommand(io: Io): Command {
  const cmd = new Command('publications').description('write every output listed in the config ("outputs")');
  addStoreOptions(cmd);
  addListOptions(cmd);
  return cmd.action(async (flags: PublicationsFlags) => {
    await run(flags, io);
  });
}

export type PublicationsFlags = ListCommandFlags;

export async function run(flags: PublicationsFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  // every output is rendered before any is written: a store with errors changes no file
  if (ctx.config.outputs.length === 0) {
    throw new CliFailure(
      `the config's "outputs" is empty, so there is nothing to write; add one, e.g. {"path": "dist/publications.md", "format": "markdown"}, or use "bibfolio format"`,
    );
  }
  // every path is checked and every output rendered before any is written
  const rendered = await renderProjectOutputs(
    ctx,
    { cwd: io.cwd, env: io.env, flags, ...sessionChoices(flags) },
    (found) => printProblems(found, io),
  );
  for (const { output, path, result } of rendered) {
    printProblems(result.problems, io);
    writeOutputFile(path, result.output);
    io.stderr(`wrote ${relative(io.cwd, path) || path} (${output.format}, ${result.count} entries)\n`);
    // one page per paper beside the list page (config page.perEntry)
    for (const [file, html] of result.pages ?? []) writeOutputFile(join(dirname(path), file), html);
    if (result.pages?.size)
      io.stderr(
        `wrote ${result.pages.size} pages in ${relative(io.cwd, join(dirname(path), 'publications')) || 'publications'}/ (one per paper)\n`,
      );
  }
}
