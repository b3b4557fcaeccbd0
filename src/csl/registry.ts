/**
 * The registry of styles and locales: a few named styles, and any `.csl` file by path.
 *
 * - `cv`: the CV layout written for bibfolio (`styles/cv.csl`).
 * - `apa` (author-date), `vancouver` (numeric), `harvard1` (author-date): the copies bundled with citation-js's
 *   plugin-csl, a well-kept source of the official CSL repository's styles.
 * Locales come from the same package; en-US is the default.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const require = createRequire(import.meta.url);

export interface StyleSource {
  /** The registry name, or the absolute path of a .csl file. */
  readonly id: string;
  readonly xml: string;
}

export class StyleNotFoundError extends Error {}

/** The `styles/` folder shipped with bibfolio. */
export const STYLES_DIR = join(PACKAGE_ROOT, 'styles');

let packagedStyles: Record<string, string> | undefined;
function packaged(): Record<string, string> {
  packagedStyles ??= require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
  return packagedStyles;
}

let packagedLocales: Record<string, string> | undefined;
function locales(): Record<string, string> {
  packagedLocales ??= require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;
  return packagedLocales;
}

export function styleNames(): string[] {
  const own = readdirSync(STYLES_DIR)
    .filter((f) => f.endsWith('.csl'))
    .map((f) => f.slice(0, -4));
  return [...new Set([...own, ...Object.keys(packaged())])].sort();
}

/** A style by registry name or by path to a `.csl` file (relative to `cwd`). */
export function loadStyle(nameOrPath: string, cwd = process.cwd()): StyleSource {
  if (nameOrPath.endsWith('.csl') || nameOrPath.includes('/') || nameOrPath.includes('\\')) {
    const path = resolve(cwd, nameOrPath);
    try {
      return { id: path, xml: readFileSync(path, 'utf8') };
    } catch (err) {
      throw new StyleNotFoundError(
        `cannot read style file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  }
  try {
    return { id: nameOrPath, xml: readFileSync(join(STYLES_DIR, `${nameOrPath}.csl`), 'utf8') };
  } catch {
    const xml = packaged()[nameOrPath];
    if (xml) return { id: nameOrPath, xml };
  }
  throw new StyleNotFoundError(
    `unknown style "${nameOrPath}"; known styles: ${styleNames().join(', ')}, or a path to a .csl file`,
  );
}

export function localeNames(): string[] {
  return Object.keys(locales()).sort();
}

export function loadLocale(lang: string): string {
  const xml = locales()[lang];
  if (!xml) throw new StyleNotFoundError(`unknown locale "${lang}"; bundled locales: ${localeNames().join(', ')}`);
  return xml;
}
