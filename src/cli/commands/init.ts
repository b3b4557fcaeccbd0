/**
 * `bibfolio init`: a new project in the current folder, `bibfolio.config.json` (the owner from `--owner`,
 * or asked on a terminal) and an empty `bib/publications.bib`; refuses to overwrite either. Then `bibfolio sync-arxiv
 * ID...` and `bibfolio publications` work with nothing else to do. With `--from SITE`, the config uses the site's
 * own store in place (see site/adopt.ts), with the owner names the site gives, `--owner` added to them.
 */
import { Command } from 'commander';
import { CliFailure, type Io } from '../io.js';
import { UsageError } from '../../model/errors.js';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, ConfigError, toPersonName } from '../../model/config.js';
import { type AdoptedSite, adoptSite, type SiteFiles } from '../../site/adopt.js';
import { syncWorkflow, WORKFLOW_PATH } from '../../site/workflow.js';
import { writeFileAtomically } from '../../store/atomic-write.js';
import { projectFor } from '../load.js';

export function initCommand(io: Io): Command {
  return new Command('init')
    .description(
      "start a project here: bibfolio.config.json and an empty bib/publications.bib, or a site's own store with --from (never overwritten)",
    )
    .option('--owner <name>', 'your name, as your papers write it, e.g. "Joe Benton" (asked on a terminal otherwise)')
    .option('--store <path>', 'where the BibTeX store goes (default bib/publications.bib)')
    .option('--ci <service>', 'also write a scheduled sync workflow that opens a pull request (github)')
    .option(
      '--from <site>',
      'adopt an existing site (al-folio, academicpages, Hugo Blox): use its .bib in place, its owner names and links',
    )
    .action(async (flags: InitFlags) => {
      await run(flags, io);
    });
}

export interface InitFlags {
  owner?: string;
  store?: string;
  from?: string;
  ci?: string;
}

const OUTPUTS = [
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
];

function checkName(name: string): void {
  try {
    toPersonName(name);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

function refuseOverwrite(io: Io, paths: readonly string[]): void {
  for (const path of paths) {
    if (existsSync(path))
      throw new CliFailure(
        `${relative(io.cwd, path)} already exists; init writes nothing over it (nothing was written)`,
      );
  }
}

/** The site's files, read from its folder; nothing outside it. */
function siteFiles(root: string): SiteFiles {
  const inside = (path: string): string | undefined => {
    const full = resolve(root, path);
    return full === root || full.startsWith(root + sep) ? full : undefined;
  };
  return {
    read(path) {
      const full = inside(path);
      try {
        return full === undefined ? undefined : readFileSync(full, 'utf8');
      } catch {
        return undefined;
      }
    },
    list(folder) {
      const full = inside(folder);
      try {
        return full === undefined ? [] : readdirSync(full);
      } catch {
        return [];
      }
    },
  };
}

export async function run(flags: InitFlags, io: Io): Promise<void> {
  if (flags.ci !== undefined && flags.ci !== 'github')
    throw new UsageError(`--ci ${flags.ci}: only "github" (GitHub Actions) is written`);
  if (flags.ci !== undefined) refuseOverwrite(io, [join(io.cwd, WORKFLOW_PATH)]);
  if (flags.from !== undefined) await adopt(flags, flags.from, io);
  else await start(flags, io);
  if (flags.ci === 'github') {
    const path = join(io.cwd, WORKFLOW_PATH);
    mkdirSync(dirname(path), { recursive: true });
    // the store the config just written names, as the pull request will say it
    const store = projectFor({}, io).storeDisplay;
    await writeFileAtomically(path, syncWorkflow({ store }));
    io.stderr(`wrote ${WORKFLOW_PATH}: a weekly bibfolio sync that opens a pull request (commit and push it)\n`);
  }
}

async function start(flags: InitFlags, io: Io): Promise<void> {
  let owner = flags.owner?.trim();
  if (!owner && io.ask) owner = (await io.ask('Your name, as your papers write it (e.g. "Joe Benton"): ')).trim();
  if (!owner) throw new UsageError('give your name: bibfolio init --owner "Joe Benton"');
  checkName(owner);
  const store = flags.store ?? 'bib/publications.bib';
  const configPath = join(io.cwd, CONFIG_FILE);
  const storePath = join(io.cwd, store);
  refuseOverwrite(io, [configPath, storePath]);
  const config = {
    owner: { name: owner, variants: [] as string[] },
    store,
    style: 'cv',
    maxAuthors: 10,
    annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
    outputs: OUTPUTS,
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

async function adopt(flags: InitFlags, from: string, io: Io): Promise<void> {
  const root = resolve(io.cwd, from);
  if (!existsSync(root)) throw new UsageError(`--from ${from}: no such folder`);
  const files = siteFiles(root);
  const site = adoptSite(files);
  if (!site)
    throw new CliFailure(
      `${from} is not a site init --from knows: an al-folio site (_config.yml with "scholar:"), an academicpages site (markdown_generator/*.bib) or a Hugo Blox site (content/publication/*/cite.bib)`,
    );
  if (site.stores.length === 0 || site.stores.every((s) => files.read(s) === undefined))
    throw new CliFailure(
      `${from}: the ${site.kind} site names no .bib file that exists (looked for ${site.stores.join(', ') || 'none'})`,
    );
  // the owner's names: --owner first, then the site's; none is dropped
  const names = [...(flags.owner?.trim() ? [flags.owner.trim()] : []), ...site.ownerNames].filter(
    (name, i, all) => all.indexOf(name) === i,
  );
  if (names.length === 0)
    throw new UsageError(`${from}: the site does not name its owner; give your name with --owner "Joe Benton"`);
  for (const name of names) checkName(name);
  const configPath = join(io.cwd, CONFIG_FILE);
  refuseOverwrite(io, [configPath]);
  const store = await storeFor(site, root, files, flags, io);
  const config = {
    owner: { name: names[0], variants: names.slice(1) },
    store: relative(io.cwd, store).split(sep).join('/'),
    style: 'cv',
    maxAuthors: 10,
    ...(site.linkBase ? { linkBase: site.linkBase } : {}),
    ...(site.coauthors ? { coauthors: relative(io.cwd, join(root, site.coauthors)).split(sep).join('/') } : {}),
    ...(site.previewBase ? { page: { previewBase: site.previewBase } } : {}),
    annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
    outputs: OUTPUTS,
  };
  await writeFileAtomically(configPath, `${JSON.stringify(config, null, 2)}\n`);
  io.stderr(
    `${site.kind} site: wrote ${CONFIG_FILE}, using ${config.store}` +
      `${site.kind === 'hugo-blox' ? '' : ' in place'}; owner ${names.map((n) => `"${n}"`).join(', ')}. Next:\n` +
      '  bibfolio check          # what bibfolio reads in the store, and what to fix\n' +
      '  bibfolio publications   # write dist/publications.{md,html,tex,txt,json}\n',
  );
}

/** The store the config uses: a Jekyll site's own .bib in place; Hugo Blox's cite.bib files gathered into one. */
async function storeFor(site: AdoptedSite, root: string, files: SiteFiles, flags: InitFlags, io: Io): Promise<string> {
  if (site.kind !== 'hugo-blox') return join(root, site.stores[0] as string);
  const storePath = join(io.cwd, flags.store ?? 'bib/publications.bib');
  refuseOverwrite(io, [storePath]);
  const parts = site.stores.map((path) => `% from ${path}\n${(files.read(path) ?? '').trim()}\n`);
  mkdirSync(dirname(storePath), { recursive: true });
  await writeFileAtomically(storePath, `${parts.join('\n')}`);
  return storePath;
}
