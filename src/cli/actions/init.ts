/**
 * The work of `bibfolio init`: a new project in the current folder, `bibfolio.config.json` (the owner from `--owner`,
 * or asked on a terminal) and an empty `bib/publications.bib`; refuses to overwrite either. Then `bibfolio sync-arxiv
 * ID...` and `bibfolio publications` work with nothing else to do.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CONFIG_FILE, toPersonName, ConfigError } from '../../model/config.js';
import { writeFileAtomically } from '../../store/atomic-write.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';

export interface InitFlags {
  owner?: string;
  store?: string;
}

export async function run(flags: InitFlags, io: Io): Promise<void> {
  let owner = flags.owner?.trim();
  if (!owner && io.ask) owner = (await io.ask('Your name, as your papers write it (e.g. "Joe Benton"): ')).trim();
  if (!owner) throw new CliUsageError('give your name: bibfolio init --owner "Joe Benton"');
  try {
    toPersonName(owner);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliUsageError(err.message);
    throw err;
  }
  const store = flags.store ?? 'bib/publications.bib';
  const configPath = join(io.cwd, CONFIG_FILE);
  const storePath = join(io.cwd, store);
  for (const path of [configPath, storePath]) {
    if (existsSync(path))
      throw new CliFailure(
        `${relative(io.cwd, path)} already exists; init writes nothing over it (nothing was written)`,
      );
  }
  const config = {
    owner: { name: owner, variants: [] as string[] },
    store,
    style: 'cv',
    maxAuthors: 10,
    annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
    outputs: [
      { path: 'dist/publications.md', format: 'markdown', linkTitles: true },
      {
        path: 'dist/publications.html',
        format: 'html',
        standalone: true,
        groupBy: 'year',
        selectedFirst: true,
        linkTitles: true,
      },
      { path: 'dist/publications.tex', format: 'latex', groupBy: 'type' },
      { path: 'dist/publications.txt', format: 'text' },
      { path: 'dist/publications.json', format: 'json' },
    ],
  };
  mkdirSync(dirname(storePath), { recursive: true });
  await writeFileAtomically(
    storePath,
    `% Publications of ${owner}: the store bibfolio renders, syncs with arXiv and exports.\n` +
      '% Add papers with `bibfolio sync-arxiv ID...`, or write entries by hand; see the README, "The store".\n',
  );
  await writeFileAtomically(configPath, `${JSON.stringify(config, null, 2)}\n`);
  io.stderr(
    `wrote ${CONFIG_FILE} and ${relative(io.cwd, storePath)}. Next:\n` +
      '  bibfolio sync-arxiv 2506.15740 2507.14417   # add your papers by arXiv ID\n' +
      '  bibfolio publications                       # write dist/publications.{md,html,tex,txt,json}\n',
  );
}
