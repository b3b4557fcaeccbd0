/**
 * What an entry's rendering depends on besides the entry itself: bibfolio's and citeproc-js's versions, the style,
 * the locale, and the options that change an entry (owner, bold, author limit, marks, links). Part of every key of
 * the caches of rendered entries, so a cached rendering is never served for other inputs. Light: no citeproc-js.
 */
import { digest } from '../digest.js';
import { citeprocVersion } from '../csl/citeproc-version.js';
import { CACHE_VERSION } from '../version.js';
import type { ListOptions } from './list.js';

export function renderContext(options: ListOptions): string {
  const { owner, boldOwner, maxAuthors, annotations, linkTitles, style, locale, members, coauthors } = options;
  return digest(
    `${CACHE_VERSION}\u0000${citeprocVersion()}\u0000${locale}\u0000${style.xml}\u0000${style.disambiguate === true}\u0000` +
      JSON.stringify({
        // the shape of an entry record (render-session.ts): bumped when it gains a field
        records: 2,
        owner: owner?.forms ?? null,
        boldOwner,
        maxAuthors,
        annotations,
        linkTitles,
        members: members?.map((m) => [m.matcher.forms, m.style, m.annotation ?? null]) ?? null,
        coauthors: coauthors?.fingerprint ?? null,
      }),
  );
}
