/**
 * CSL XML (a style, a locale) handed to citeproc-js as the JSON its XML parser makes of it. citeproc-js reads a style
 * or locale given as JSON text with JSON.parse (CSL.setupXml) instead of its XML parser: 0.4 ms against 6.7 ms for
 * the en-US locale in a fresh process, where every first run and every render worker builds an engine. The JSON is
 * what `CSL.parseXml` returns, kept by a hash of the XML and of citeproc-js's and bibfolio's versions: in the folder
 * the build fills (dist/csl-json, scripts/warm-code-cache.mjs: the shipped style and locale of a first run), and in
 * the user's cache folder when a session keeps caches. A file that cannot be read or parsed is ignored: the XML is
 * parsed again.
 */
import { digest } from '../digest.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { VERSION } from '../version.js';
import { citeprocVersion } from './citeproc-version.js';
import { writeFileAtomicallySync } from '../store/atomic-write.js';
import { citeproc } from './citeproc.js';

/** The parsed styles and locales the build made. */
export const BUILD_CSL_JSON_DIR = join(PACKAGE_ROOT, 'dist', 'csl-json');

let userDir: string | undefined;
const known = new Map<string, string>();

/** Where parsed styles and locales are kept and looked up first (the session's cache folder); undefined: nowhere. */
export function keepParsedCslIn(dir: string | undefined): void {
  userDir = dir;
}

/** The folder parsed styles and locales are kept in now, for a render worker to use the same. */
export function parsedCslFolder(): string | undefined {
  return userDir;
}

function readParsed(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    JSON.parse(text); // a damaged file is no answer
    return text;
  } catch {
    return undefined;
  }
}

/** The JSON text kept under `key` (with citeproc-js's and bibfolio's versions), or `make`'s, then kept. */
function kept(kind: string, key: string, make: () => string): string {
  const name = `${kind}-${digest(`${citeprocVersion()}\u0000${VERSION}\u0000${kind}\u0000${key}`)}.json`;
  let json =
    (userDir !== undefined ? readParsed(join(userDir, name)) : undefined) ?? readParsed(join(BUILD_CSL_JSON_DIR, name));
  if (json === undefined) {
    json = make();
    if (userDir !== undefined) {
      try {
        mkdirSync(userDir, { recursive: true });
        writeFileAtomicallySync(join(userDir, name), json, { durable: false });
      } catch {
        // a cache that cannot be written only costs time next run
      }
    }
  }
  return json;
}

/** The CSL XML as the JSON text citeproc-js parses it into; give it to citeproc-js in place of the XML. */
export function parsedCsl(xml: string): string {
  let json = known.get(xml);
  if (json === undefined) {
    json = kept('xml', xml, () => JSON.stringify(citeproc().parseXml(xml)));
    known.set(xml, json);
  }
  return json;
}

/**
 * A fact bibfolio learns from a style and locale by rendering probes (the layout of names: csl/name-layout.ts), kept
 * beside their parsed forms: a run after one edit renders one entry, and the probe was a fifth of that. `key` names
 * the style and locale; the fact must be plain JSON.
 */
export function keptFact<T>(kind: string, key: string, learn: () => T): T {
  return JSON.parse(kept(kind, key, () => JSON.stringify(learn()))) as T;
}
