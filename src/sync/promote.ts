/**
 * A published preprint: from arXiv's journal reference to the entry type and venue fields. Pure; heuristic, and
 * careful: it only fills fields the owner has not set.
 *
 *   "J. Mach. Learn. Res. 24(243):1-83, 2023"      -> @article, journal, volume 24, number 243, pages 1--83, year 2023
 *   "Phys. Rev. D 76, 013009 (2007)"                -> @article, journal "Phys. Rev. D", volume 76, pages 013009
 *   "Proceedings of ICML 2024, pp. 66-69"           -> @inproceedings, booktitle
 */
import type { FieldValue } from '../store/edit.js';

export interface Promotion {
  readonly type: 'article' | 'inproceedings';
  /** Field name (lower case) -> value. */
  readonly fields: ReadonlyMap<string, FieldValue>;
}

/** Venue names of conference proceedings (a journal reference or a venue that matches is @inproceedings). */
export const CONFERENCE =
  /\b(proc(eedings)?\.?|conference|conf\.|workshop|symposium|meeting|congress|icml|iclr|neurips|nips|aaai|ijcai|acl|emnlp|naacl|cvpr|iccv|eccv|colt|aistats|uai|kdd|sigir|www)\b/i;

export function promotionOf(journalRef: string, doi?: string): Promotion {
  const ref = journalRef.replace(/\s+/g, ' ').trim();
  const fields = new Map<string, FieldValue>();
  const type = CONFERENCE.test(ref) ? 'inproceedings' : 'article';

  const years = [...ref.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => m[0]);
  const pages = /(?:pp?\.\s*)?\b([A-Za-z]?\d+)\s*[-–—]+\s*([A-Za-z]?\d+)\b/.exec(ref);
  const volumeIssue = /\b(\d+)\s*\((?!(?:19|20)\d{2}\))(\d+)\)/.exec(ref); // 24(243), not 76 (2007)
  const volumeComma = /\s(\d+)\s*,\s*([A-Za-z]?\d+)\b/.exec(ref);

  // the venue: the text before the first number that is not part of its name, without a trailing comma
  const firstNumber = /\s(?:vol\.?\s*)?\d/.exec(ref);
  let venue = (firstNumber ? ref.slice(0, firstNumber.index) : ref).replace(/[,;:\s]+$/, '');
  if (type === 'inproceedings') venue = ref.replace(/,?\s*pp?\.\s*\d+\s*[-–—]+\s*\d+.*$/, '').replace(/[,;:\s]+$/, '');
  if (venue) fields.set(type === 'article' ? 'journal' : 'booktitle', { text: venue });

  if (type === 'article') {
    if (volumeIssue) {
      fields.set('volume', { text: volumeIssue[1] as string });
      fields.set('number', { text: volumeIssue[2] as string });
    } else if (volumeComma) {
      fields.set('volume', { text: volumeComma[1] as string });
      if (!pages) fields.set('pages', { text: volumeComma[2] as string });
    }
  }
  if (pages && !(years.includes(pages[1] ?? '') && years.includes(pages[2] ?? ''))) {
    fields.set('pages', { text: `${pages[1]}--${pages[2]}` });
  }
  const year = years[years.length - 1];
  if (year) fields.set('year', { text: year });
  if (doi) fields.set('doi', { text: doi });
  return { type, fields };
}
