/**
 * The page's header from the config's `page`: the researcher's name as the title, the affiliation, a photo, and the
 * profile links (ORCID, Google Scholar, DBLP, GitHub, a website), each a labelled link. Pure; every value escaped.
 */
import { escapeHtml } from '../render/html.js';
import { isSafeUrl } from '../render/formatter.js';
import type { PageStrings } from './strings.js';

export interface PageHeader {
  readonly name?: string;
  readonly affiliation?: string;
  readonly photo?: string;
  readonly links?: Readonly<Partial<Record<ProfileLink, string>>>;
}

export type ProfileLink = 'orcid' | 'scholar' | 'dblp' | 'github' | 'website';

/** The links' labels, in the order they are shown. */
export const PROFILE_LABELS: ReadonlyArray<readonly [ProfileLink, string]> = [
  ['orcid', 'ORCID'],
  ['scholar', 'Google Scholar'],
  ['dblp', 'DBLP'],
  ['github', 'GitHub'],
  ['website', 'Website'],
];

/** A path on the site itself (no scheme: never `javascript:`). */
const RELATIVE = /^(?![a-z][a-z0-9+.-]*:)[^\s"'<>]+$/i;

/** The header's HTML: the page title when no name is given. */
export function headerHtml(header: PageHeader | undefined, title: string, words: PageStrings): string {
  const name = header?.name ?? title;
  const photo =
    header?.photo && (isSafeUrl(header.photo) || RELATIVE.test(header.photo))
      ? `<img class="bibfolio-photo" src="${escapeHtml(header.photo)}" alt="${escapeHtml(name)}" width="96" height="96">`
      : '';
  const affiliation = header?.affiliation
    ? `<p class="bibfolio-affiliation">${escapeHtml(header.affiliation)}</p>`
    : '';
  const links = PROFILE_LABELS.flatMap(([id, label]) => {
    const href = header?.links?.[id];
    return href && isSafeUrl(href)
      ? [`<a class="bibfolio-profile" rel="me" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`]
      : [];
  });
  const nav =
    links.length > 0
      ? `<nav class="bibfolio-profiles" aria-label="${escapeHtml(words.profiles)}">${links.join(' ')}</nav>`
      : '';
  const subtitle = header?.name && header.name !== title ? `<p class="bibfolio-subtitle">${escapeHtml(title)}</p>` : '';
  return `<header class="bibfolio-header">${photo}<div><h1>${escapeHtml(name)}</h1>${affiliation}${nav}${subtitle}</div></header>`;
}
