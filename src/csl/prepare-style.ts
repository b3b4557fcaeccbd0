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
 * - The citation's layout becomes the item's ID alone. citeproc-js renders every item's citation while registering
 *   it, to find citations that look alike (a third of a long list's time in APA); a list cites nothing, and with
 *   unique citations no entry is "ambiguous", so a bibliography's `disambiguate="true"` test no longer depends on
 *   which other entries share an author and a year: each entry renders the same in any list, as the caches assume.
 */
export function prepareStyleForLists(xml: string): string {
  return (
    xml
      // comments first: they can name elements (`to simplify <citation> and <bibliography>`)
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/(<bibliography\b[\s\S]*?)<sort\b[\s\S]*?<\/sort>/, '$1')
      .replace(/\bet-al-(min|subsequent-min)="\d+"/g, 'et-al-$1="10000"')
      .replace(/\s+subsequent-author-substitute(?:-rule)?="[^"]*"/g, '')
      .replace(/\s+disambiguate-add-(?:year-suffix|names|givenname)="[^"]*"/g, '')
      .replace(/\s+givenname-disambiguation-rule="[^"]*"/g, '')
      .replace(/<citation\b[^>]*>[\s\S]*?<\/citation>/, '<citation><layout><text variable="id"/></layout></citation>')
  );
}
