/** `bibfolio format`: prints the publication list, or writes it with --out. */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { GroupBy } from '../render/group.js';
import { renderList, type OutputFormat } from '../render/list.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { listOptions } from './list-options.js';
import { loadPublications, printProblems, reportLoadProblems } from './load.js';
import { addListOptions, addStoreOptions, FORMAT_OPTION } from './options.js';
import { writeOutputFile } from './output-file.js';

interface FormatFlags {
  bib?: string;
  config?: string;
  style?: string;
  to: OutputFormat;
  out?: string;
  maxAuthors?: number;
  groupBy?: GroupBy;
  selected?: boolean;
  linkTitles?: boolean;
  owner?: string;
  locale?: string;
  standalone?: boolean;
  keepGoing?: boolean;
}

export function formatCommand(io: Io): Command {
  const cmd = new Command('format').description('print the publication list in one format and style');
  addStoreOptions(cmd);
  cmd.addOption(FORMAT_OPTION()).option('--out <file>', 'write to this file instead of standard output');
  addListOptions(cmd);
  cmd.addOption(new Option('--standalone', 'a whole document (HTML page, LaTeX document) instead of a fragment'));
  return cmd.action((flags: FormatFlags) => {
    const ctx = loadContext(flags, io);
    const pubs = loadPublications(ctx);
    reportLoadProblems(pubs, io, flags.keepGoing ?? false);
    const { output, problems } = renderList(pubs.items, listOptions(ctx, io.cwd, flags.to, flags));
    printProblems(problems, io);
    if (flags.out) writeOutputFile(resolve(io.cwd, flags.out), output);
    else io.stdout(output);
  });
}
