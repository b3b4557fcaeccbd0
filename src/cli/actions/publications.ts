/** The work of `bibfolio publications`: writes every output named in the config (by default Markdown, HTML, LaTeX and text). */
import { relative, resolve } from 'node:path';
import type { GroupBy } from '../../render/group.js';
import { loadContext } from '../context.js';
import type { Io } from '../io.js';
import { listOptions } from '../list-options.js';
import { ListSession, type SessionFlags } from '../list-session.js';
import { printProblems, reportLoadProblems } from '../load.js';
import { writeOutputFile } from '../output-file.js';

export interface PublicationsFlags extends SessionFlags {
  bib?: string;
  config?: string;
  style?: string;
  maxAuthors?: number;
  groupBy?: GroupBy;
  selected?: boolean;
  linkTitles?: boolean;
  owner?: string;
  locale?: string;
  keepGoing?: boolean;
}

export async function run(flags: PublicationsFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  const session = new ListSession(ctx, io, flags);
  const pubs = session.load();
  reportLoadProblems(pubs, io, flags.keepGoing ?? false);
  for (const output of ctx.config.outputs) {
  const path = resolve(ctx.root, output.path);
  const { output: text, problems } = await session.render(pubs.items, listOptions(ctx, io.cwd, output.format, flags, output));
  printProblems(problems, io);
  writeOutputFile(path, text);
  io.stderr(`wrote ${relative(io.cwd, path) || path} (${output.format}, ${pubs.items.length} entries)\n`);
  }
  await session.close();
}
