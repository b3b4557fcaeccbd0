/**
 * A publications page's extras for every entry (links, abstract, the BibTeX block), kept in the user's cache for the
 * whole store under a hash of every entry's content and the options: a BibTeX block depends on its neighbours through
 * `crossref`, so one record per store is the honest unit. An unchanged store's page then needs no mapping and no
 * LaTeX tables. The citation counts come from the sidecar at every run.
 */
import { digest } from '../digest.js';
import type { Citations, EntryExtras, ExtrasOptions } from '../page/extras.js';
import type { Publications } from '../pipeline.js';
import { readTextIfThere } from '../store/read.js';
import { parseSidecar, sidecarPathFor } from '../sync/sidecar.js';
import type { JsonFileCache } from './json-cache.js';

/** The citation counts sync-venues keeps in the store's sidecar, by key; none when there is no readable sidecar. */
function citationCounts(
  storePath: string,
  warn: (file: string, message: string) => void,
): ReadonlyMap<string, Citations> | undefined {
  const path = sidecarPathFor(storePath);
  const text = readTextIfThere(path);
  if (text === undefined) return undefined;
  try {
    const venues = parseSidecar(text, path, (message) => warn(path, message)).venues ?? {};
    return new Map(Object.entries(venues).flatMap(([key, v]) => (v.citations ? [[key, v.citations] as const] : [])));
  } catch {
    return undefined; // a damaged sidecar is sync's to report; a list shows no counts
  }
}

/**
 * Every entry's extras, from the cache when `contentKeys` (one per entry, in the store's order) and the options are
 * those of a record, else from the mapped store.
 */
export async function pageExtras(
  contentKeys: readonly string[],
  cache: JsonFileCache<EntryExtras[]> | undefined,
  publications: () => Promise<Publications>,
  storePath: string,
  options: ExtrasOptions,
  warn: (file: string, message: string) => void = () => {},
): Promise<Map<string, EntryExtras>> {
  const key = digest(
    JSON.stringify([
      // the record's shape: bumped when EntryExtras gains a field (scholarly metadata)
      'extras-3',
      options.target,
      options.owner?.forms ?? null,
      options.linkFields ?? null,
      options.linkBase ?? null,
      options.previewBase ?? null,
    ]) +
      '\u0000' +
      contentKeys.join('\u0000'),
  );
  let list = cache?.get(key);
  if (!list) {
    const pubs = await publications();
    const { entryExtras } = await import('../page/extras.js');
    list = [...entryExtras(pubs.store.entries, pubs.items, options).values()];
    cache?.set(key, list);
  }
  const citations = citationCounts(storePath, warn);
  return new Map(
    list.map((e) => {
      const count = citations?.get(e.key);
      return [e.key, count ? { ...e, citations: count } : e];
    }),
  );
}
