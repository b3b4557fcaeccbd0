/**
 * Hugo Blox publication page bundles (`content/publication/<key>/index.md` and `cite.bib`), the layout Hugo Blox's own
 * importer (academic-file-converter) writes: title, authors (the owner as `admin`, Hugo Blox's profile of the site's
 * owner), `author_notes` aligned with `authors` for the marks ("Equal contribution"), date, publication,
 * publication_types (CSL types), abstract, featured (selected), url_pdf/url_code/url_slides/..., doi, and the other
 * links as `links`. Pure.
 */
import { load as yaml } from '../vendor/yaml.js';
import type { CslItem } from '../csl/types.js';
import { displayName, type OwnerMatcher } from '../model/names.js';
import type { EntryExtras } from '../page/extras.js';
import { plain } from '../csl/ir.js';
import { escapeMarkdown } from '../render/markdown.js';
import { lookupTable } from '../model/lookup-table.js';

/** The first line of every front matter bibfolio writes: how a later run knows the bundle is its own. */
export const BUNDLE_MARK = '# Written by bibfolio from the BibTeX store: edit the store, not this file.';

export interface Bundle {
  /** The folder name under the output folder. */
  readonly dir: string;
  readonly key: string;
  readonly index: string;
  readonly citeBib: string;
}

export interface BundleOptions {
  readonly owner?: OwnerMatcher;
  /** The owner's name in `authors` (Hugo Blox: `admin`). */
  readonly ownerAuthor: string;
  /** Annotation name -> legend ("equal" -> "Equal contribution"). */
  readonly legends: Readonly<Record<string, string>>;
}

const URL_FIELDS: Readonly<Record<string, string>> = lookupTable({
  PDF: 'url_pdf',
  Code: 'url_code',
  Slides: 'url_slides',
  Poster: 'url_poster',
  Video: 'url_video',
  Website: 'url_project',
});

/** A folder name for a key: letters, digits, dot, dash and underscore; anything else becomes "-". */
export function bundleDir(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'entry';
}

function isoDate(item: CslItem): string | undefined {
  const [y, m, d] = item.issued?.['date-parts']?.[0] ?? [];
  if (y === undefined || !/^\d{4}$/.test(String(y))) return undefined;
  const two = (n: unknown) => String(n ?? 1).padStart(2, '0');
  return `${y}-${two(m)}-${two(d)}`;
}

function venue(item: CslItem): string | undefined {
  const container = item['container-title'];
  if (typeof container === 'string' && container.trim() !== '') return plain(container);
  return item.custom.arxiv ? `arXiv preprint arXiv:${item.custom.arxiv}` : undefined;
}

export function hugoBundle(item: CslItem, extras: EntryExtras | undefined, options: BundleOptions): Bundle {
  const people = item.author ?? [];
  const ownerAt = options.owner ? options.owner.indexIn(people) : -1;
  const authors = people.map((p, i) => (i === ownerAt ? options.ownerAuthor : plain(displayName(p))));
  const notes = people.map((_, i) =>
    (item.custom.authorAnnotations[i + 1] ?? [])
      .map((name) => options.legends[name])
      .filter((legend): legend is string => legend !== undefined)
      .join('; '),
  );
  const front: Record<string, unknown> = { title: plain(item.title ?? ''), authors };
  if (notes.some((n) => n !== '')) front.author_notes = notes;
  const date = isoDate(item);
  if (date) front.date = date;
  front.publication_types = [item.type];
  const published = venue(item);
  if (published) front.publication = `*${escapeMarkdown(published)}*`;
  front.abstract = extras?.abstract ?? '';
  front.featured = item.custom.selected;
  const links: { name: string; url: string }[] = [];
  for (const link of extras?.links ?? []) {
    const field = URL_FIELDS[link.label];
    if (field && front[field] === undefined) front[field] = link.url;
    else if (link.label !== 'DOI') links.push({ name: link.label, url: link.url });
  }
  if (links.length > 0) front.links = links;
  if (item.DOI) front.doi = item.DOI;
  const frontMatter = yaml().stringify(front, { lineWidth: 0, aliasDuplicateObjects: false });
  return {
    dir: bundleDir(item.custom.key),
    key: item.custom.key,
    index: `---\n${BUNDLE_MARK}\n${frontMatter}---\n`,
    citeBib: extras?.bibtex ?? '',
  };
}
