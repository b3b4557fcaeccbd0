/** The work of `bibfolio styles add` and `bibfolio styles list`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addStyles, CatalogueError, StyleCatalogue } from '../../csl/catalogue.js';
import { STYLES_DIR, userStylesDir } from '../../csl/style-dirs.js';
import { readStyleInfo } from '../../csl/style-info.js';
import { loadContext } from '../context.js';
import { CliFailure, type Io } from '../io.js';
import { deadlineSignal } from '../options.js';

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
  const ctx = loadContext(flags, io);
  const dir = userStylesDir(io.env);
  try {
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
  } catch (err) {
    if (err instanceof CatalogueError) throw new CliFailure(`${err.message}; no style was added`);
    throw err;
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
  const ctx = loadContext(flags, io);
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
