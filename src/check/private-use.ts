/**
 * Private Use Area characters in a value: no font has a meaning for them, so they are what a PDF's ligature or symbol
 * became when its text was copied (`Ba\uE03Clefield` for "Battlefield"). Lists leave them out (csl/ir.ts: they are
 * the IR's own markup), so the word reads misspelt; the store is where to fix it. U+FFFD (�) is a character already
 * lost: what a decoder wrote where the file's bytes were not the encoding it read them in (`Econ\uFFFDmico`).
 */
import { PRIVATE_USE } from '../csl/ir.js';
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';

const ANY = new RegExp(PRIVATE_USE.source);
/** The word it stands in, so that the message says where. */
const WORD = new RegExp(`[^\\s{}]*${PRIVATE_USE.source}[^\\s{}]*`);

export function privateUseCharacters(entry: BibEntry, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of entry.fields) {
    if (!ANY.test(value)) continue;
    const found = [...new Set(value.match(PRIVATE_USE))].map(
      (ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
    );
    const word = WORD.exec(value)?.[0] ?? '';
    problems.push({
      severity: 'warning',
      code: 'private-use-character',
      message: `field "${field}" has ${found.join(', ')} (in "${word.replace(PRIVATE_USE, '?')}"), a private-use character that no font gives a meaning (a PDF's ligature, copied?): lists leave it out; write the letters it stands for`,
      file,
      line: entry.line,
      key: entry.key,
    });
  }
  return problems;
}

/** U+FFFD, and the word it stands in. */
const REPLACEMENT_WORD = /[^\s{}]*\uFFFD[^\s{}]*/u;

export function replacementCharacters(entry: BibEntry, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of entry.fields) {
    const word = REPLACEMENT_WORD.exec(value)?.[0];
    if (word === undefined) continue;
    problems.push({
      severity: 'warning',
      code: 'replacement-character',
      message: `field "${field}" has U+FFFD (in "${word}"), where a character was lost when the text was saved in another encoding: write the character it stood for`,
      file,
      line: entry.line,
      key: entry.key,
    });
  }
  return problems;
}
