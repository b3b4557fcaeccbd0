/**
 * Private Use Area characters in a value: no font has a meaning for them, so they are what a PDF's ligature or symbol
 * became when its text was copied (`Ba\uE03Clefield` for "Battlefield"). Lists leave them out (csl/ir.ts: they are
 * the IR's own markup), so the word reads misspelt; the store is where to fix it.
 */
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';

const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;
const PRIVATE_USE_ALL = new RegExp(PRIVATE_USE.source, 'gu');

export function privateUseCharacters(entry: BibEntry, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of entry.fields) {
    if (!PRIVATE_USE.test(value)) continue;
    const found = [...new Set(value.match(PRIVATE_USE_ALL))].map(
      (ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
    );
    const word = /[^\s{}]*[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}][^\s{}]*/u.exec(value)?.[0] ?? '';
    problems.push({
      severity: 'warning',
      code: 'private-use-character',
      message: `field "${field}" has ${found.join(', ')} (in "${word.replace(PRIVATE_USE_ALL, '?')}"), a private-use character that no font gives a meaning (a PDF's ligature, copied?): lists leave it out; write the letters it stands for`,
      file,
      line: entry.line,
      key: entry.key,
    });
  }
  return problems;
}
