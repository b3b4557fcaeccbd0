/**
 * Adapts a CSL style to publication lists. Pure text transformation of the style's XML.
 *
 * - The bibliography's `<sort>` is removed: lists are sorted by bibfolio (newest first, or grouped), and citeproc-js
 *   keeps the order items are registered in.
 * - Every et-al threshold is lifted: bibfolio cuts long author lists itself so that the owner is never hidden.
 * - `subsequent-author-substitute` is removed: in a personal list every entry shares the owner, and a dash in place
 *   of the authors would hide them.
 * - Citation disambiguation is removed (`disambiguate-add-year-suffix`, `-names`, `-givenname`): it exists to tell
 *   in-text citations apart, and a list has none. Without it an author-date style renders every entry on its own,
 *   so entries can be cached and rendered in parallel; with it, citeproc-js compares every entry with every other.
 */
export function prepareStyleForLists(xml: string): string {
  return xml
    .replace(/(<bibliography\b[\s\S]*?)<sort\b[\s\S]*?<\/sort>/, '$1')
    .replace(/\bet-al-(min|subsequent-min)="\d+"/g, 'et-al-$1="10000"')
    .replace(/\s+subsequent-author-substitute(?:-rule)?="[^"]*"/g, '')
    .replace(/\s+disambiguate-add-(?:year-suffix|names|givenname)="[^"]*"/g, '')
    .replace(/\s+givenname-disambiguation-rule="[^"]*"/g, '');
}
