/**
 * The CSL locales shipped with bibfolio (`locales/`: every locale of the official CSL repository, CC BY-SA 3.0, see
 * locales/README.md). A language without a region (`de`) is its primary dialect (`de-DE`), as `locales.json` says.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { StyleNotFoundError } from './style-errors.js';

export const LOCALES_DIR = join(PACKAGE_ROOT, 'locales');

let primaryDialects: Readonly<Record<string, string>> | undefined;
function primary(): Readonly<Record<string, string>> {
  primaryDialects ??= (
    JSON.parse(readFileSync(join(LOCALES_DIR, 'locales.json'), 'utf8')) as {
      'primary-dialects': Record<string, string>;
    }
  )['primary-dialects'];
  return primaryDialects;
}

let names: string[] | undefined;
export function localeNames(): string[] {
  names ??= readdirSync(LOCALES_DIR)
    .map((f) => /^locales-(.+)\.xml$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
  return names;
}

/** The shipped locale a language tag stands for (`en-us` -> `en-US`, `de` -> `de-DE`), or undefined. */
export function resolveLocale(tag: string): string | undefined {
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  const exact = localeNames().find((n) => n.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0] ?? '';
  const dialect = primary()[language];
  return dialect && existsSync(join(LOCALES_DIR, `locales-${dialect}.xml`)) ? dialect : undefined;
}

const cache = new Map<string, string>();

/** A locale's XML; an unknown tag is a StyleNotFoundError that lists the shipped ones. */
export function loadLocale(tag: string): string {
  const name = resolveLocale(tag);
  if (!name) {
    throw new StyleNotFoundError(
      `unknown locale "${tag}"; bibfolio ships the CSL locales ${localeNames().join(', ')} (a language alone, such as "de", is its main dialect)`,
    );
  }
  let xml = cache.get(name);
  if (xml === undefined) {
    xml = readFileSync(join(LOCALES_DIR, `locales-${name}.xml`), 'utf8');
    cache.set(name, xml);
  }
  return xml;
}
