/**
 * Identifier-like values checked by their own grammar before they may enter the store: a DOI, a page range, an arXiv
 * subject class. Each returns the clean value, or undefined when the text is not one (it is then not written). Pure.
 */

/**
 * A DOI as the DOI Handbook defines it (`10.` registrant `/` suffix), from the forms services and people write:
 * bare, `doi:`, `https://doi.org/...`, with DBLP's `\_` for `_`, percent-encoded. The suffix may hold any printable
 * character but space, braces, backslash, quotes and angle brackets (none occurs in a registered DOI that BibTeX or a
 * URL could carry unescaped).
 */
export function cleanDoi(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let doi = text.trim().replace(/\\_/g, '_');
  doi = doi.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (/%[0-9A-Fa-f]{2}/.test(doi)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      return undefined;
    }
  }
  return /^10\.\d{4,9}(?:\.\d+)*\/[^\s{}\\"'<>\u0000-\u001f\u007f-\u009f]+$/u.test(doi) ? doi : undefined;
}

/**
 * A page range or article number: `1--83`, `e1234`, `66-69`, `S12–S19`, `013009`, `1:1--1:20`. Dashes become
 * BibTeX's `--`. Anything else (words, braces, backslashes) is not a page range.
 */
export function cleanPages(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*([\p{L}\p{N}.:]{1,24})\s*(?:(?:-{1,3}|[\u2010-\u2015\u2212])\s*([\p{L}\p{N}.:]{1,24}))?\s*$/u.exec(
    text,
  );
  if (!m) return undefined;
  return m[2] === undefined ? m[1] : `${m[1]}--${m[2]}`;
}

/** An arXiv subject class: `cs.LG`, `math.ST`, `hep-th`, `q-bio.NC`, `stat.ML`. */
export function cleanCategory(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const category = text.trim();
  return /^[a-z][a-z-]{0,15}(?:\.[A-Za-z][A-Za-z-]{0,15})?$/.test(category) ? category : undefined;
}

/** A year: four digits (a service's "2023}" or "in press" is not written). */
export function cleanYear(text: string | undefined): string | undefined {
  const year = text?.trim();
  return year !== undefined && /^\d{4}$/.test(year) ? year : undefined;
}
