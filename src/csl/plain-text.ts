/**
 * A field shown as plain text where no style renders it (a page's abstract, al-folio's badge and award): its LaTeX
 * read as a title's is (accents, math, escapes, formatting), markup and braces dropped, white space folded. Pure.
 */
import { load as citationJs } from '../vendor/citation-js.js';
import { readFieldLatex } from './citation-js-input.js';

export function plainFieldText(value: string): string {
  const latex = /[\\$]/.test(value) ? readFieldLatex(value) : value;
  let read: unknown = latex;
  if (/[\\{}]/.test(latex)) {
    try {
      read = citationJs().parseValue(latex, 'abstract');
    } catch {
      // LaTeX citation-js cannot read (an unbalanced brace): its text as written, braces dropped below
    }
  }
  return String(read)
    .replace(/<\/?(?:i|b|sup|sub|span|sc)\b[^>]*>/g, '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}
