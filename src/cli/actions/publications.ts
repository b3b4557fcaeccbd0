/** The work of `bibfolio publications`: writes every output named in the config (by default Markdown, HTML, LaTeX and text). */
import { dirname, join, relative, resolve } from 'node:path';
import { loadContext, outputPath } from '../context.js';
import { CliFailure, type Io } from '../io.js';
import { listOptions, type ListCommandFlags } from '../list-options.js';
import { withListSession } from '../list-session.js';
import { printProblems } from '../load.js';
import { writeOutputFile } from '../output-file.js';

export type PublicationsFlags = ListCommandFlags;

export async function run(flags: PublicationsFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  // every output is rendered before any is written: a store with errors changes no file
  if (ctx.config.outputs.length === 0) {
    throw new CliFailure(
      `the config's "outputs" is empty, so there is nothing to write; add one, e.g. {"path": "dist/publications.md", "format": "markdown"}, or use "bibfolio format"`,
    );
  }
  // every path is checked before anything is rendered or written
  const paths = ctx.config.outputs.map((output, i) =>
    outputPath(ctx, resolve(ctx.root, output.path), `the config's outputs[${i}].path`, true),
  );
  const rendered = await withListSession(ctx, io, flags, async (session) => {
    const results = [];
    for (const output of ctx.config.outputs) {
      results.push({ output, result: await session.render(listOptions(ctx, io.cwd, output.format, flags, output)) });
    }
    return results;
  });
  for (const [i, { output, result }] of rendered.entries()) {
    const path = paths[i] as string;
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
