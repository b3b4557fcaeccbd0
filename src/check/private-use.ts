/**
 * Characters in a value that stand for letters lost on the way into the store. Private Use Area characters: no font
 * has a meaning for them, so they are what a PDF's ligature or symbol became when its text was copied
 * (`Ba\uE03Clefield` for "Battlefield"); lists leave them out (csl/ir.ts: they are the IR's own markup), so the word
 * reads misspelt. U+FFFD (�): a character already lost, what a decoder wrote where the file's bytes were not the
 * encoding it read them in (`Econ\uFFFDmico`). Either way the store is where to fix it.
 */
import { PRIVATE_USE } from '../csl/ir.js';
import type { BibEntry } from '../model/entry.js';
import type { Problem, ProblemCode } from '../model/problems.js';

interface LostCharacters {
  readonly code: ProblemCode;
  /** The characters, `g`: every one of them in a value. */
  readonly pattern: RegExp;
  /** The message, from the field, the characters found (U+XXXX) and the word they stand in. */
  readonly message: (field: string, found: string, word: string) => string;
}

const KINDS: readonly LostCharacters[] = [
  {
    code: 'private-use-character',
    pattern: PRIVATE_USE,
    message: (field, found, word) =>
      `field "${field}" has ${found} (in "${word.replace(PRIVATE_USE, '?')}"), a private-use character that no font gives a meaning (a PDF's ligature, copied?): lists leave it out; write the letters it stands for`,
  },
  {
    code: 'replacement-character',
    pattern: /\uFFFD/g,
    message: (field, found, word) =>
      `field "${field}" has ${found} (in "${word}"), where a character was lost when the text was saved in another encoding: write the character it stood for`,
  },
];

/** One warning per field and kind, naming the characters and the first word they stand in. */
export function lostCharacters(entry: BibEntry, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const kind of KINDS) {
    const word = new RegExp(`[^\\s{}]*${kind.pattern.source}[^\\s{}]*`);
    for (const [field, value] of entry.fields) {
      const found = value.match(kind.pattern);
      if (!found) continue;
      const codes = [...new Set(found)].map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
      problems.push({
        severity: 'warning',
        code: kind.code,
        message: kind.message(field, codes.join(', '), word.exec(value)?.[0] ?? ''),
        file,
        line: entry.line,
        key: entry.key,
      });
    }
  }
  return problems;
}
