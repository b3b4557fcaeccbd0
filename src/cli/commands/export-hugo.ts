/**
 * `bibfolio export-hugo`: one Hugo Blox page bundle per publication. A bundle is rewritten only when its
 * content changed; a folder bibfolio did not write (no mark in its front matter) is never touched, and a bundle it
 * wrote for an entry that is gone is removed.
 */
import { Command } from 'commander';
import { CliFailure, type Io } from '../io.js';
import { addNoCacheOption, addStoreOptions } from '../options.js';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUNDLE_MARK, hugoBundle } from '../../hugo/bundle.js';
import { entryExtras } from '../../page/extras.js';
import { readTextIfThere } from '../../store/read.js';
import { writeFileAtomically } from '../../store/atomic-write.js';
import { outputPath } from '../../engine/project.js';
import { projectFor } from '../load.js';
import { projectPublications } from '../../engine/project-lists.js';
import { reportProblems } from '../load.js';
import { lookupTable } from '../../model/lookup-table.js';

export function exportHugoCommand(io: Io): Command {
  const cmd = new Command('export-hugo').description(
    'one Hugo Blox page bundle per publication (OUT/KEY/index.md and cite.bib); only changed bundles are rewritten',
  );
  addStoreOptions(cmd);
  cmd
    .requiredOption('-o, --out <dir>', 'the folder of the bundles, e.g. content/publication')
    .option('--selected', 'only the selected papers')
    .option('--owner <name>', 'the owner (written as the config\'s hugo.owner, "admin" by default)');
  addNoCacheOption(cmd);
  return cmd.action(async (flags: HugoFlags) => {
    await run(flags, io);
  });
}

export interface HugoFlags {
  bib?: string;
  config?: string;
  out: string;
  owner?: string;
  selected?: boolean;
  /** false with --no-cache */
  cache?: boolean;
}

function ours(dir: string): boolean {
  return readTextIfThere(join(dir, 'index.md'))?.split('\n')[1] === BUNDLE_MARK;
}

export async function run(flags: HugoFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const pubs = await projectPublications(ctx, io.env, flags.cache === false ? { cache: false } : {});
  reportProblems(pubs.problems, pubs.store.file, io, false, false);
  const out = outputPath(ctx, resolve(io.cwd, flags.out), '--out', false);
  const display = relative(io.cwd, out) || out;
  const extras = entryExtras(pubs.store.entries, pubs.items, {
    target: ctx.config.export.target,
    ...(ctx.owner ? { owner: ctx.owner } : {}),
    ...(ctx.config.linkFields ? { linkFields: ctx.config.linkFields } : {}),
    ...(ctx.config.linkBase ? { linkBase: ctx.config.linkBase } : {}),
  });
  const legends = lookupTable(
    Object.fromEntries(Object.entries(ctx.config.annotations).map(([name, a]) => [name, a.legend])),
  );
  const items = flags.selected ? pubs.items.filter((i) => i.custom.selected) : pubs.items;
  const bundles = items.map((item) =>
    hugoBundle(item, extras.get(item.custom.key), {
      ...(ctx.owner ? { owner: ctx.owner } : {}),
      ownerAuthor: ctx.config.hugo.owner,
      legends,
    }),
  );
  const seen = new Map<string, string>();
  for (const b of bundles) {
    const other = seen.get(b.dir.toLowerCase());
    if (other !== undefined)
      throw new CliFailure(
        `entries "${other}" and "${b.key}" would share the bundle ${b.dir}: rename one of the keys; nothing was written`,
      );
    seen.set(b.dir.toLowerCase(), b.key);
  }
  mkdirSync(out, { recursive: true });
  let written = 0;
  let unchanged = 0;
  const skipped: string[] = [];
  for (const b of bundles) {
    const dir = join(out, b.dir);
    if (existsSync(dir) && !ours(dir) && readdirSync(dir).length > 0) {
      skipped.push(b.dir);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    let changed = false;
    for (const [name, text] of [
      ['index.md', b.index],
      ['cite.bib', b.citeBib],
    ] as const) {
      if (text === '' || readTextIfThere(join(dir, name)) === text) continue;
      await writeFileAtomically(outputPath(ctx, join(dir, name), 'a Hugo bundle file', false), text);
      changed = true;
    }
    if (changed) written++;
    else unchanged++;
  }
  // bundles bibfolio wrote for entries no longer in the store (or no longer selected)
  const removed: string[] = [];
  const wanted = new Set(bundles.map((b) => b.dir));
  for (const name of readdirSync(out)) {
    const dir = join(out, name);
    if (wanted.has(name) || !ours(dir)) continue;
    for (const file of ['index.md', 'cite.bib']) rmSync(join(dir, file), { force: true });
    if (readdirSync(dir).length === 0) rmdirSync(dir);
    removed.push(name);
  }
  for (const dir of skipped)
    io.stderr(`warning: ${display}/${dir} was not written by bibfolio (no mark in its index.md): left as it is\n`);
  io.stderr(
    `wrote ${display}: ${bundles.length - skipped.length} bundles (${written} changed, ${unchanged} unchanged)` +
      `${removed.length > 0 ? `, removed ${removed.length} it wrote for entries no longer exported (${removed.join(', ')})` : ''}\n`,
  );
}
