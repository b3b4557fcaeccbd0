/** Author lists compared as the decision rule needs: family names, in order, accents folded. Pure. */
import { latexAccentsToUnicode } from '../latex/accents.js';
import { splitNames } from '../model/name-list.js';
import { foldText } from '../model/names.js';

export interface FamilyList {
  readonly families: readonly string[];
  /** The list ends with "and others": only its first names are known. */
  readonly truncated: boolean;
}

/** The last word of a family name, folded: "van der Weij" -> "weij", "H{\"a}gele" -> "hagele". */
function familyKey(family: string): string {
  const words = foldText(latexAccentsToUnicode(family).replace(/[{}]/g, '')).split(/\s+/).filter(Boolean);
  return (words[words.length - 1] ?? '').replace(/[^\p{L}\p{N}-]/gu, '');
}

/** A BibTeX author field: "Family, Given" or "Given Family" names joined by "and". */
export function familiesOfBibtex(authors: string): FamilyList {
  const names = splitNames(authors).filter((n) => n !== '');
  const truncated = names.length > 0 && /^others$/i.test(names[names.length - 1] ?? '');
  const people = truncated ? names.slice(0, -1) : names;
  return {
    families: people.map((n) => familyKey(n.includes(',') ? (n.split(',')[0] ?? '') : n)),
    truncated,
  };
}

/** "Given Family" display names (DBLP's, Crossref's literal names). */
export function familiesOfDisplayNames(names: readonly string[]): string[] {
  return names.map(familyKey);
}

/** Same family names in the same order; a truncated list agrees with the start of a longer one. */
export function authorsAgree(ours: FamilyList, theirs: readonly string[]): boolean {
  if (ours.families.length === 0 || theirs.length === 0) return false;
  if (ours.truncated ? theirs.length < ours.families.length : theirs.length !== ours.families.length) return false;
  return ours.families.every((f, i) => f === theirs[i]);
}
