/**
 * The official CSL style repository as a catalogue: `bibfolio styles add NAME` fetches a style (and, for a dependent
 * style, its independent parent) and keeps it in the user's style cache, where `--style NAME` finds it with no
 * network at render time. The catalogue is laid out as the repository is (`NAME.csl`, `dependent/NAME.csl`,
 * `renamed-styles.json`), at a configurable base URL (tests serve a copy of the repository on 127.0.0.1). Requests
 * follow the shared client discipline (polite-client.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicallySync } from '../store/atomic-write.js';
import { HttpFailure, PoliteClient, type PoliteClientOptions } from '../http/polite-client.js';
import { readStyleInfo, StyleFormatError, type StyleInfo } from './style-info.js';
import { CatalogueError } from './style-errors.js';

export const CSL_CATALOGUE_URL = 'https://raw.githubusercontent.com/citation-style-language/styles/master';

/** A style ID as the repository names its files. */
const STYLE_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface CatalogueOptions extends Partial<Omit<PoliteClientOptions, 'service'>> {
  readonly baseUrl?: string;
}

export interface FetchedStyle {
  /** The ID the repository knows it by (after following renamed-styles.json). */
  readonly id: string;
  readonly requested: string;
  readonly xml: string;
  readonly dependent: boolean;
  readonly info: StyleInfo;
}

export class StyleCatalogue {
  readonly baseUrl: string;
  private readonly client: PoliteClient;
  private renamed: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(options: CatalogueOptions = {}) {
    this.baseUrl = (options.baseUrl ?? CSL_CATALOGUE_URL).replace(/\/+$/, '');
    if (!/^https?:\/\//.test(this.baseUrl))
      throw new CatalogueError(`the style catalogue URL must be http(s): ${this.baseUrl}`);
    this.client = new PoliteClient({
      service: 'the CSL style repository',
      delayMs: 250,
      maxBytes: 2 * 1024 * 1024,
      accept: 'application/xml, text/xml, application/json',
      ...options,
    });
  }

  /**
   * renamed-styles.json (old ID -> new ID); empty when the catalogue has none. Only pairs of plain style IDs are
   * kept: a value such as `../../x` or a key such as `constructor` never becomes a file name.
   */
  renamedStyles(): Promise<ReadonlyMap<string, string>> {
    this.renamed ??= this.client.get(`${this.baseUrl}/renamed-styles.json`, [200, 404]).then((r) => {
      const renamed = new Map<string, string>();
      if (r.status !== 200) return renamed;
      let map: unknown;
      try {
        map = JSON.parse(r.body) as unknown;
      } catch {
        return renamed;
      }
      if (typeof map !== 'object' || map === null || Array.isArray(map)) return renamed;
      for (const [from, to] of Object.entries(map))
        if (STYLE_ID.test(from) && typeof to === 'string' && STYLE_ID.test(to)) renamed.set(from, to);
      return renamed;
    });
    return this.renamed;
  }

  /** A style by ID: `ID.csl`, else `dependent/ID.csl`, following a rename. */
  async fetch(requested: string): Promise<FetchedStyle> {
    const name = requested.replace(/\.csl$/, '');
    if (!STYLE_ID.test(name)) {
      throw new CatalogueError(
        `"${requested}" is not a style ID of the CSL repository (lower-case letters, digits and hyphens, e.g. apa, nature, ieee)`,
      );
    }
    const id = (await this.get(() => this.renamedStyles())).get(name) ?? name;
    for (const [path, dependent] of [
      [`${id}.csl`, false],
      [`dependent/${id}.csl`, true],
    ] as const) {
      const response = await this.get(() => this.client.get(`${this.baseUrl}/${path}`, [200, 404]));
      if (response.status !== 200) continue;
      let info: StyleInfo;
      try {
        info = readStyleInfo(response.body);
      } catch (err) {
        if (err instanceof StyleFormatError) throw new CatalogueError(`${this.baseUrl}/${path} ${err.message}`);
        throw err;
      }
      return { id, requested: name, xml: response.body, dependent, info };
    }
    throw new CatalogueError(
      `no style "${name}" in the CSL repository at ${this.baseUrl}${id !== name ? ` (renamed to "${id}")` : ''}; style IDs are listed at https://www.zotero.org/styles`,
    );
  }

  private async get<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof HttpFailure) throw new CatalogueError(err.message);
      throw err;
    }
  }
}

export interface AddedStyle {
  readonly id: string;
  readonly requested: string;
  readonly path: string;
  readonly title?: string;
  /** The independent parent, fetched with a dependent style. */
  readonly parent?: AddedStyle;
}

/**
 * Fetches styles (and the parents of dependent ones) into `dir` (the user's style cache): independent styles as
 * `ID.csl`, dependent ones as `dependent/ID.csl`, so that a dependent style finds its parent in the folder above.
 * Every style is fetched before any is written.
 */
export async function addStyles(
  names: readonly string[],
  dir: string,
  catalogue: StyleCatalogue,
): Promise<AddedStyle[]> {
  const fetched: Array<{ style: FetchedStyle; parent?: FetchedStyle }> = [];
  for (const name of names) {
    const style = await catalogue.fetch(name);
    let parent: FetchedStyle | undefined;
    if (style.info.parent !== undefined) {
      parent = await catalogue.fetch(style.info.parent);
      if (parent.dependent)
        throw new CatalogueError(`the parent "${parent.id}" of "${style.id}" is itself a dependent style`);
    }
    fetched.push({ style, ...(parent ? { parent } : {}) });
  }
  const write = (style: FetchedStyle): AddedStyle => {
    if (!STYLE_ID.test(style.id))
      throw new CatalogueError(`"${style.id}" is not a plain style ID; nothing was written`);
    const folder = style.dependent ? join(dir, 'dependent') : dir;
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${style.id}.csl`);
    writeFileAtomicallySync(path, style.xml);
    return { id: style.id, requested: style.requested, path, ...(style.info.title ? { title: style.info.title } : {}) };
  };
  const renamed = await catalogue.renamedStyles();
  if (renamed.size > 0) {
    mkdirSync(dir, { recursive: true });
    writeFileAtomicallySync(
      join(dir, 'renamed-styles.json'),
      `${JSON.stringify(Object.fromEntries(renamed), null, 2)}\n`,
    );
  }
  return fetched.map(({ style, parent }) => ({ ...write(style), ...(parent ? { parent: write(parent) } : {}) }));
}

export { CatalogueError };
