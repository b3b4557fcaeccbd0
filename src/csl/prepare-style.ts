/**
 * Adapts a CSL style to publication lists: a table of named rewrites of the style's XML, each with its reason, applied
 * in order. Pure text transformation. `npm run csl-suite` compares the lists these give with the style's own
 * bibliography on every bibliography fixture of the CSL test suite, and names each difference by the rule that makes
 * it (docs/styles.md).
 */

export interface ListStyleRule {
  readonly name: ListStyleRuleName;
  /** Why a publication list does it. */
  readonly why: string;
  readonly apply: (xml: string) => string;
}

export type ListStyleRuleName = 'sort' | 'et-al' | 'author-substitute' | 'disambiguation' | 'citation';

export const LIST_STYLE_RULES: readonly ListStyleRule[] = [
  {
    name: 'sort',
    why: 'lists are sorted by bibfolio (newest first, or grouped); citeproc-js keeps the order items are registered in',
    apply: (xml) => xml.replace(/(<bibliography\b[\s\S]*?)<sort\b[\s\S]*?<\/sort>/, '$1'),
  },
  {
    name: 'et-al',
    why: 'bibfolio cuts long author lists itself (--max-authors), so that the owner is never hidden',
    apply: (xml) => xml.replace(/\bet-al-(min|subsequent-min)="\d+"/g, 'et-al-$1="10000"'),
  },
  {
    name: 'author-substitute',
    why: 'in a personal list every entry shares the owner, and a dash in place of the authors would hide them',
    apply: (xml) => xml.replace(/\s+subsequent-author-substitute(?:-rule)?="[^"]*"/g, ''),
  },
  {
    name: 'disambiguation',
    why:
      'it tells in-text citations apart, and a list has none; without it each entry renders on its own, so entries ' +
      'are cached and rendered in parallel (--disambiguate keeps it: year suffixes, added names and initials)',
    apply: (xml) =>
      xml
        .replace(/\s+disambiguate-add-(?:year-suffix|names|givenname)="[^"]*"/g, '')
        .replace(/\s+givenname-disambiguation-rule="[^"]*"/g, ''),
  },
  {
    name: 'citation',
    why:
      "the citation's layout becomes the item's ID alone: citeproc-js renders every citation while registering it, " +
      "to find those that look alike (a third of a long list's time in APA); with unique citations a bibliography's " +
      '`disambiguate="true"` test no longer depends on the other entries',
    apply: (xml) =>
      xml.replace(
        /<citation\b[^>]*>[\s\S]*?<\/citation>/,
        '<citation><layout><text variable="id"/></layout></citation>',
      ),
  },
];

/**
 * The rules `--disambiguate` leaves out: the style's own sort, disambiguation and citation decide year suffixes (a
 * numbered style keeps bibfolio's order: its numbers follow the list).
 */
export const DISAMBIGUATION_RULES: ReadonlySet<ListStyleRuleName> = new Set(['sort', 'disambiguation', 'citation']);

export interface ListStyleOptions {
  /** Keep the style's disambiguation (year suffixes `2024a`, added names and initials), as its bibliography has it. */
  readonly disambiguate?: boolean;
  /** Rules left out (the CSL suite's comparison restores one at a time). */
  readonly keep?: ReadonlySet<ListStyleRuleName>;
}

/** The style as bibfolio renders lists with it. */
export function prepareStyleForLists(xml: string, options: ListStyleOptions = {}): string {
  // comments first: they can name elements (`to simplify <citation> and <bibliography>`)
  let out = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const rule of LIST_STYLE_RULES) {
    if (options.keep?.has(rule.name)) continue;
    if (options.disambiguate && DISAMBIGUATION_RULES.has(rule.name) && !(rule.name === 'sort' && numbered(out)))
      continue;
    out = rule.apply(out);
  }
  return out;
}

/** Whether the bibliography prints citation numbers. */
function numbered(xml: string): boolean {
  return /citation-number/.test(/<bibliography\b[\s\S]*?<\/bibliography>/.exec(xml)?.[0] ?? '');
}
