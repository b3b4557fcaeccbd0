/** `bibfolio styles`: fetch styles from the official CSL repository into the user's cache, and list those at hand. */
import { Command } from 'commander';
import type { Io } from '../io.js';
import { addDeadlineOption, deadlineSignal } from '../options.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addStyles, StyleCatalogue } from '../../csl/catalogue.js';
import { STYLES_DIR, userStylesDir } from '../../csl/style-dirs.js';
import { readStyleInfo } from '../../csl/style-info.js';
import { projectFor } from '../load.js';

export function stylesCommand(io: Io): Command {
  const cmd = new Command('styles').description(
    'the CSL styles at hand, and fetching more from the official repository',
  );
  cmd
    .command('add')
    .description('fetch styles (and the parents of dependent styles) into the style cache, for --style NAME')
    .argument('<names...>', 'style IDs of the official CSL repository, e.g. nature ieee chicago-author-date')
    .option('--config <file>', 'config file (default: ./bibfolio.config.json when present)')
    .option('--catalogue <url>', 'base URL of the repository (default: config "styleCatalogue", else GitHub raw)');
  addDeadlineOption(cmd.commands[cmd.commands.length - 1] as Command).action(
    async (names: string[], flags: StylesAddFlags) => {
      await add(names, flags, io);
    },
  );
  cmd
    .command('list')
    .description('the styles --style NAME finds without the network: project, configured, bundled and cached')
    .option('--config <file>', 'config file (default: ./bibfolio.config.json when present)')
    .option('--json', 'print the list as JSON')
    .action(async (flags: StylesListFlags) => {
      list(flags, io);
    });
  return cmd;
}

export interface StylesAddFlags {
  readonly config?: string;
  readonly catalogue?: string;
  readonly deadline?: number;
}

export interface StylesListFlags {
  readonly config?: string;
  readonly json?: boolean;
}

export async function add(names: readonly string[], flags: StylesAddFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const dir = userStylesDir(io.env);
  const catalogue = new StyleCatalogue({
    ...((flags.catalogue ?? ctx.config.styleCatalogue)
      ? { baseUrl: flags.catalogue ?? ctx.config.styleCatalogue }
      : {}),
    signal: deadlineSignal(flags.deadline, undefined),
  });
  for (const style of await addStyles(names, dir, catalogue)) {
    const renamed = style.requested !== style.id ? ` (renamed from "${style.requested}")` : '';
    const parent = style.parent ? `, with its parent "${style.parent.id}"` : '';
    io.stderr(`added ${style.id}${renamed}: ${style.title ?? 'untitled'}${parent} -> ${style.path}\n`);
  }
}

interface ListedStyle {
  readonly id: string;
  readonly title: string;
  readonly dependent: boolean;
  readonly path: string;
  /** Where it comes from: bibfolio's own folder (bundled), the project's or the config's folders, the cache. */
  readonly origin?: 'bundled' | 'project' | 'fetched' | 'packaged';
}

function stylesIn(dir: string): ListedStyle[] {
  const out: ListedStyle[] = [];
  for (const [folder, dependent] of [
    [dir, false],
    [join(dir, 'dependent'), true],
  ] as const) {
    let files: string[];
    try {
      files = readdirSync(folder).filter((f) => f.endsWith('.csl'));
    } catch {
      continue;
    }
    for (const file of files.sort()) {
      const path = join(folder, file);
      let title = '';
      try {
        title = readStyleInfo(readFileSync(path, 'utf8')).title ?? '';
      } catch (err) {
        title = `(not usable: ${(err as Error).message})`;
      }
      out.push({ id: file.slice(0, -4), title, dependent, path });
    }
  }
  return out;
}

export function list(flags: StylesListFlags, io: Io): void {
  const ctx = projectFor(flags, io);
  const seen = new Set<string>();
  const styles: ListedStyle[] = [];
  const fetched = userStylesDir(io.env);
  for (const dir of ctx.styleDirs) {
    const origin = dir === STYLES_DIR ? 'bundled' : dir === fetched ? 'fetched' : 'project';
    for (const style of stylesIn(dir)) {
      if (seen.has(style.id)) continue; // the first folder wins, as for --style NAME
      seen.add(style.id);
      styles.push({ ...style, origin });
    }
  }
  for (const id of ['apa', 'vancouver', 'harvard1']) {
    if (!seen.has(id))
      styles.push({ id, title: '(packaged with citation-js)', dependent: false, path: '', origin: 'packaged' });
  }
  if (flags.json) {
    io.stdout(`${JSON.stringify(styles, null, 2)}\n`);
    return;
  }
  const width = Math.max(...styles.map((s) => s.id.length));
  for (const s of styles) {
    const where = s.path ? `  ${relative(io.cwd, s.path) || s.path}` : '';
    const origin = s.origin === 'bundled' && s.id !== 'cv' ? '[bundled] ' : s.origin === 'fetched' ? '[fetched] ' : '';
    io.stdout(`${s.id.padEnd(width)}  ${origin}${s.dependent ? '(dependent) ' : ''}${s.title}${where}\n`);
  }
  const bundled = styles.filter((s) => s.origin === 'bundled' || s.origin === 'packaged').length;
  io.stderr(
    `${styles.length} styles (${bundled} ship with bibfolio and work offline); fetch more with "bibfolio styles add ID" (IDs: https://www.zotero.org/styles)\n`,
  );
}
