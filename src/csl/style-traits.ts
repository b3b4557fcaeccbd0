import { prepareStyleForLists } from './prepare-style.js';

/**
 * Whether a style, as prepared for lists (no sort, no disambiguation: see prepare-style.ts), renders each
 * bibliography entry on its own. A numeric style numbers entries by their position; any other style renders an entry
 * the same whatever else is in the list, so entries can be rendered in parallel and cached one by one.
 */
export function rendersEntriesIndependently(styleXml: string, disambiguate = false): boolean {
  const prepared = prepareStyleForLists(styleXml, { disambiguate });
  const withoutCitation = prepared.replace(/<citation\b[\s\S]*?<\/citation>/, '');
  if (/citation-number/.test(withoutCitation)) return false;
  // with --disambiguate an entry's year suffix or added names depend on the others
  return !/disambiguate-add-(?:year-suffix|names|givenname)="true"/.test(prepared);
}

/**
 * Whether a style may print a citation label (`[BDS23]`), which citeproc-js derives from the author list: only then
 * does an item carry its undecorated names (csl/authors.ts `PLAIN_AUTHORS`). citeproc-js copies every item it is
 * given, and the undecorated names (every author, beyond the author limit) were 40% of a long list's items.
 */
export function mayPrintCitationLabel(styleXml: string): boolean {
  return styleXml.includes('citation-label');
}
