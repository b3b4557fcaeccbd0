/**
 * The registry of styles: a style by name or by path, dependent styles resolved to their independent parent.
 *
 * A name is looked up, in order, in the folders the caller gives (the CLI gives: the project's `styles/`, the
 * config's `styleDirs`, bibfolio's own `styles/` and the user's style cache, `$XDG_CACHE_HOME/bibfolio/styles`), each
 * as `NAME.csl` then `dependent/NAME.csl`, following a `renamed-styles.json` found there; then among the styles that
 * ship with citation-js (apa, vancouver, harvard1). A dependent style (a `<link rel="independent-parent">` and no
 * layout of its own) is rendered with its parent's XML and its own `default-locale`; the parent is looked for next
 * to it (the folder above `dependent/`, its own folder) and then like a name. No network: `styles add` (catalogue.ts)
 * fills the cache beforehand.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { closest } from '../model/closest.js';
import { STYLES_DIR } from './style-dirs.js';
import { StyleError, StyleNotFoundError } from './style-errors.js';
import { readStyleInfo, StyleFormatError, type StyleInfo } from './style-info.js';

export { StyleError, StyleNotFoundError } from './style-errors.js';
export { loadLocale, localeNames, resolveLocale } from './locales.js';
export { STYLES_DIR, styleSearchDirs, userStylesDir } from './style-dirs.js';

const require = createRequire(import.meta.url);

export interface StyleSource {
  /** The registry name, or the absolute path of a .csl file. */
  readonly id: string;
  /** The XML citeproc-js renders with: the style's own, or its independent parent's. */
  readonly xml: string;
  /** The locale the style asks for: a dependent style's own `default-locale`, else its parent's. */
  readonly defaultLocale?: string;
  readonly title?: string;
  /** For a dependent style: where its parent was found. */
  readonly parent?: string;
  /** Keep the style's own disambiguation in lists (`--disambiguate`: year suffixes, added names; prepare-style.ts). */
  readonly disambiguate?: boolean;
}

export interface StyleSearch {
  /** Folder a relative path is resolved from. */
  readonly cwd?: string;
  /** Folders searched for a style name, in order. */
  readonly dirs?: readonly string[];
}

let packagedStyles: Record<string, string> | undefined;
function packaged(): Record<string, string> {
  packagedStyles ??= require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
  return packagedStyles;
}

function cslFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.csl'))
      .map((f) => f.slice(0, -4));
  } catch {
    return [];
  }
}

/** Every style name available without the network: in the given folders (and their `dependent/`) and packaged. */
export function styleNames(dirs: readonly string[] = [STYLES_DIR]): string[] {
  const names = dirs.flatMap((d) => [...cslFiles(d), ...cslFiles(join(d, 'dependent'))]);
  return [...new Set([...names, ...Object.keys(packaged())])].sort();
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function renamed(dir: string, name: string): string | undefined {
  const text = readIfExists(join(dir, 'renamed-styles.json'));
  if (text === undefined) return undefined;
  try {
    const map = JSON.parse(text) as unknown;
    if (typeof map !== 'object' || map === null || !Object.hasOwn(map, name)) return undefined;
    const to = (map as Record<string, unknown>)[name];
    // a plain style name only: never a path out of the folder
    return typeof to === 'string' && /^[A-Za-z0-9][\w-]*$/.test(to) ? to : undefined;
  } catch {
    return undefined;
  }
}

interface Found {
  readonly path?: string;
  readonly xml: string;
}

/** A style name in the folders (`NAME.csl`, `dependent/NAME.csl`, renamed), then among the packaged styles. */
function findByName(name: string, dirs: readonly string[]): Found | undefined {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) return undefined;
  for (const candidate of [name, ...dirs.map((d) => renamed(d, name)).filter((n): n is string => !!n)]) {
    for (const dir of dirs) {
      for (const path of [join(dir, `${candidate}.csl`), join(dir, 'dependent', `${candidate}.csl`)]) {
        const xml = readIfExists(path);
        if (xml !== undefined) return { path, xml };
      }
    }
    const styles = packaged();
    const xml = Object.hasOwn(styles, candidate) ? styles[candidate] : undefined;
    if (xml) return { xml };
  }
  return undefined;
}

function describe(found: Found, name: string): string {
  return found.path ?? `${name} (packaged)`;
}

function info(found: Found, name: string): StyleInfo {
  // bibfolio's own styles and citation-js's are well-formed (test/csl/bundled-styles.test.ts reads each): their XML
  // is not validated again at every run (the validator was a tenth of a small list's start)
  const ours = found.path === undefined || dirname(found.path) === STYLES_DIR;
  try {
    return readStyleInfo(found.xml, { wellFormed: ours });
  } catch (err) {
    if (err instanceof StyleFormatError) throw new StyleError(`style ${describe(found, name)} ${err.message}`);
    throw err;
  }
}

/**
 * A style by registry name or by path to a `.csl` file, resolved to what citeproc-js renders with. Throws
 * StyleNotFoundError (unknown name, unreadable file) or StyleError (not CSL, no bibliography, parent missing).
 */
export function loadStyle(nameOrPath: string, search: StyleSearch | string = {}): StyleSource {
  const { cwd = process.cwd(), dirs = [STYLES_DIR] } = typeof search === 'string' ? { cwd: search } : search;
  let found: Found;
  let id: string;
  if (nameOrPath.endsWith('.csl') || nameOrPath.includes('/') || nameOrPath.includes('\\')) {
    const path = resolve(cwd, nameOrPath);
    let xml: string;
    try {
      xml = readFileSync(path, 'utf8');
    } catch (err) {
      throw new StyleNotFoundError(
        `cannot read style file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    found = { path, xml };
    id = path;
  } else {
    // style IDs are lower case: `APA` and `IEEE` are found as `apa` and `ieee`
    const byName = findByName(nameOrPath, dirs) ?? findByName(nameOrPath.toLowerCase(), dirs);
    if (!byName) {
      const near = closest(nameOrPath, styleNames(dirs));
      throw new StyleNotFoundError(
        `unknown style "${nameOrPath}"${near ? ` (did you mean "${near}"?)` : ''}; looked in ${dirs.join(', ')} and the packaged styles. ` +
          `"bibfolio styles list" shows the styles at hand; "bibfolio styles add ${nameOrPath}" fetches one from the official CSL repository, or give a path to a .csl file`,
      );
    }
    found = byName;
    id = nameOrPath;
  }
  const own = info(found, nameOrPath);
  let xml = found.xml;
  let parentInfo: StyleInfo | undefined;
  let parentPath: string | undefined;
  if (own.parent !== undefined) {
    const parent = findParent(own.parent, found.path, dirs);
    if (!parent) {
      throw new StyleError(
        `style ${describe(found, nameOrPath)} is a dependent style of "${own.parent}", which is not found next to it nor in ${dirs.join(', ')}; ` +
          `run "bibfolio styles add ${own.parent}"`,
      );
    }
    parentInfo = info(parent, own.parent);
    if (parentInfo.parent !== undefined) {
      throw new StyleError(
        `style ${describe(parent, own.parent)}, the parent of ${describe(found, nameOrPath)}, is itself a dependent style`,
      );
    }
    xml = parent.xml;
    parentPath = describe(parent, own.parent);
  }
  const layout = parentInfo ?? own;
  if (!layout.hasBibliography) {
    throw new StyleError(
      `style ${parentPath ?? describe(found, nameOrPath)} has no <bibliography>: it formats in-text citations only and cannot print a publication list; choose another style`,
    );
  }
  const defaultLocale = own.defaultLocale ?? parentInfo?.defaultLocale;
  const title = own.title ?? parentInfo?.title;
  return {
    id,
    xml,
    ...(defaultLocale ? { defaultLocale } : {}),
    ...(title ? { title } : {}),
    ...(parentPath ? { parent: parentPath } : {}),
  };
}

function findParent(parent: string, childPath: string | undefined, dirs: readonly string[]): Found | undefined {
  if (childPath) {
    const here = dirname(childPath);
    const near = basename(here) === 'dependent' ? [dirname(here), here] : [here];
    for (const dir of near) {
      const path = join(dir, `${parent}.csl`);
      const xml = existsSync(path) ? readIfExists(path) : undefined;
      if (xml !== undefined) return { path, xml };
    }
  }
  return findByName(parent, dirs);
}
