import { prepareStyleForLists } from './prepare-style.js';

/**
 * Whether a style, as prepared for lists (no sort, no disambiguation: see prepare-style.ts), renders each
 * bibliography entry on its own. A numeric style numbers entries by their position; any other style renders an entry
 * the same whatever else is in the list, so entries can be rendered in parallel and cached one by one.
 */
export function rendersEntriesIndependently(styleXml: string): boolean {
  const prepared = prepareStyleForLists(styleXml);
  const withoutCitation = prepared.replace(/<citation\b[\s\S]*?<\/citation>/, '');
  if (/citation-number/.test(withoutCitation)) return false;
  return !/disambiguate-add-year-suffix="true"/.test(prepared);
}
