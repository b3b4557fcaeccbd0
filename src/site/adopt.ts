/**
 * `bibfolio init --from SITE`: what a researcher's existing site says about their publications, read as the site's
 * own generator reads it, so that bibfolio uses the site's store in place.
 * - al-folio (Jekyll, jekyll-scholar): `_config.yml`'s `scholar.source` + `scholar.bibliography` (default
 *   `_bibliography/papers.bib`); the owner from `scholar.first_name` x `scholar.last_name` (every spelling the site
 *   bolds) and the site's `first_name`/`last_name`; relative `pdf` fields under `<url><baseurl>/assets/pdf/`.
 * - academicpages (Jekyll): the `.bib` files of `markdown_generator/`; the owner from `author.name` (or `name`).
 * - Hugo Blox: one `cite.bib` per publication (`content/publication*` folders), gathered into one store; the owner
 *   from `content/authors/admin/_index.md` (`title`) or `data/authors/me.yaml` (`name.display`).
 * Pure: the site's files come through `SiteFiles`.
 */
import { load as yaml } from '../vendor/yaml.js';

export type SiteKind = 'al-folio' | 'academicpages' | 'hugo-blox';

/** A site's files, by path relative to its root ('/' separated). */
export interface SiteFiles {
  read(path: string): string | undefined;
  /** Names in a folder (files and folders), or [] when there is none. */
  list(folder: string): readonly string[];
}

export interface AdoptedSite {
  readonly kind: SiteKind;
  /** The site's store(s), relative to its root: one for Jekyll sites, one per publication for Hugo Blox. */
  readonly stores: readonly string[];
  /** The owner as the site names them: the first is the name, the rest variants. */
  readonly ownerNames: readonly string[];
  /** Where relative link fields point (al-folio's `assets/pdf/`). */
  readonly linkBase?: string;
  /** The site's CSL style name, when it sets one (al-folio's `scholar.style`). */
  readonly style?: string;
  /** al-folio's co-authors' pages (`_data/coauthors.yml`), relative to the site's root, when the site has them. */
  readonly coauthors?: string;
  /** Where al-folio serves its `preview` images. */
  readonly previewBase?: string;
}

type Yaml = Record<string, unknown>;

function readYaml(files: SiteFiles, path: string): Yaml | undefined {
  const text = files.read(path);
  if (text === undefined) return undefined;
  try {
    const value: unknown = yaml().parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Yaml) : undefined;
  } catch {
    return undefined;
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** Front matter of a Markdown file (`---` YAML `---`). */
function frontMatter(text: string | undefined): Yaml | undefined {
  const m = text === undefined ? null : /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return undefined;
  try {
    const value: unknown = yaml().parse(m[1] ?? '');
    return typeof value === 'object' && value !== null ? (value as Yaml) : undefined;
  } catch {
    return undefined;
  }
}

function alFolio(files: SiteFiles, config: Yaml): AdoptedSite {
  const scholar = (typeof config.scholar === 'object' && config.scholar !== null ? config.scholar : {}) as Yaml;
  const source = (strings(scholar.source)[0] ?? '/_bibliography/').replace(/^\/+|\/+$/g, '');
  const bibliography = strings(scholar.bibliography)[0] ?? 'papers.bib';
  const store = [source, bibliography.endsWith('.bib') ? bibliography : `${bibliography}.bib`]
    .filter(Boolean)
    .join('/');
  const site = [strings(config.first_name)[0], strings(config.middle_name)[0], strings(config.last_name)[0]];
  const siteName = site[0] && site[2] ? site.filter(Boolean).join(' ') : undefined;
  const firsts = strings(scholar.first_name);
  const lasts = strings(scholar.last_name);
  const combos = firsts.flatMap((f) => lasts.map((l) => `${f} ${l}`));
  const siteRoot = `${(strings(config.url)[0] ?? '').replace(/\/+$/, '')}${(strings(config.baseurl)[0] ?? '').replace(/\/+$/, '')}`;
  const base = `${siteRoot}/assets/pdf/`;
  const coauthors = files.list('_data').includes('coauthors.yml') ? '_data/coauthors.yml' : undefined;
  const style = strings(scholar.style)[0];
  return {
    kind: 'al-folio',
    stores: [store],
    ownerNames: unique([...(siteName ? [siteName] : []), ...combos]),
    linkBase: base,
    previewBase: `${siteRoot}/assets/img/publication_preview/`,
    ...(coauthors ? { coauthors } : {}),
    ...(style ? { style } : {}),
  };
}

function academicPages(files: SiteFiles, config: Yaml): AdoptedSite {
  const author = (typeof config.author === 'object' && config.author !== null ? config.author : {}) as Yaml;
  const stores = files
    .list('markdown_generator')
    .filter((n) => n.endsWith('.bib'))
    .sort()
    .map((n) => `markdown_generator/${n}`);
  return { kind: 'academicpages', stores, ownerNames: unique([...strings(author.name), ...strings(config.name)]) };
}

const HUGO_FOLDERS = [
  'content/publication',
  'content/publications',
  'content/en/publication',
  'content/en/publications',
];

function hugoBlox(files: SiteFiles): AdoptedSite | undefined {
  const stores = HUGO_FOLDERS.flatMap((folder) =>
    files
      .list(folder)
      .filter((name) => files.read(`${folder}/${name}/cite.bib`) !== undefined)
      .sort()
      .map((name) => `${folder}/${name}/cite.bib`),
  );
  if (stores.length === 0) return undefined;
  const admin = frontMatter(files.read('content/authors/admin/_index.md'));
  const me = readYaml(files, 'data/authors/me.yaml');
  const display = typeof me?.name === 'object' && me.name !== null ? (me.name as Yaml).display : me?.name;
  return { kind: 'hugo-blox', stores, ownerNames: unique([...strings(admin?.title), ...strings(display)]) };
}

/** The site at the root of `files`, or undefined when it is none of the three kinds. */
export function adoptSite(files: SiteFiles): AdoptedSite | undefined {
  const config = readYaml(files, '_config.yml');
  if (config && (config.scholar !== undefined || files.list('_bibliography').length > 0)) return alFolio(files, config);
  if (config && files.list('markdown_generator').some((n) => n.endsWith('.bib'))) return academicPages(files, config);
  return hugoBlox(files);
}
