/**
 * Names that look like a damaged copy of another name in the store: accents lost by a copy-paste (`Hgele` beside
 * `Hägele`, `Kamlia` beside `Kamélia`), replaced by `?`, turned into mojibake (`HÃ¤gele`), or spelled without them
 * (`Hagele`).
 */
import type { CslItem } from '../csl/types.js';
import { displayName, foldText } from '../model/names.js';
import type { Problem } from '../model/problems.js';

interface NameUse {
  readonly word: string;
  readonly full: string;
  readonly item: CslItem;
}

function words(text: string | undefined): string[] {
  return (text ?? '').split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
}

/** Ways a word with non-ASCII letters gets damaged. */
export function damagedForms(word: string): string[] {
  if (/^[\x00-\x7f]*$/.test(word)) return [];
  const nfc = word.normalize('NFC');
  const dropped = nfc.replace(/[^\x00-\x7f]/g, '');
  const questioned = nfc.replace(/[^\x00-\x7f]/g, '?');
  const mojibake = Buffer.from(nfc, 'utf8').toString('latin1');
  return [...new Set([dropped, questioned, mojibake])].filter((w) => w !== nfc && w.length > 0);
}

interface WordFacts {
  readonly ascii: boolean;
  readonly folded: string;
  readonly forms: readonly string[];
}

export function findDamagedNames(items: readonly CslItem[], file: string): Problem[] {
  // a store names the same people again and again: each distinct name part and word is examined once
  const wordsOf = new Map<string, readonly string[]>();
  const nameWords = (text: string | undefined): readonly string[] => {
    const key = text ?? '';
    let found = wordsOf.get(key);
    if (!found) wordsOf.set(key, (found = words(key).map((w) => w.normalize('NFC'))));
    return found;
  };
  const facts = new Map<string, WordFacts>();
  const factsOf = (word: string): WordFacts => {
    let found = facts.get(word);
    if (!found) {
      const ascii = /^[\x00-\x7f]*$/.test(word);
      facts.set(word, (found = { ascii, folded: foldText(word), forms: ascii ? [] : damagedForms(word) }));
    }
    return found;
  };
  const uses: NameUse[] = [];
  for (const item of items) {
    for (const name of item.author ?? []) {
      const full = displayName(name);
      for (const word of nameWords(name.given)) uses.push({ word, full, item });
      for (const word of nameWords(name.family)) uses.push({ word, full, item });
    }
  }
  const good = new Map<string, NameUse>();
  for (const use of uses) {
    for (const form of factsOf(use.word).forms) if (!good.has(form)) good.set(form, use);
  }
  const accented = new Map<string, NameUse>();
  for (const use of uses) {
    const f = factsOf(use.word);
    if (!f.ascii) accented.set(f.folded, use);
  }

  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const use of uses) {
    const original = good.get(use.word);
    const f = factsOf(use.word);
    const plainSpelling = f.ascii ? accented.get(f.folded) : undefined;
    const source = original ?? (plainSpelling && plainSpelling.word !== use.word ? plainSpelling : undefined);
    if (!source) continue;
    // one warning per name and entry, however many of its words are damaged
    const id = `${use.item.custom.key}\u0000${use.full}`;
    if (reported.has(id)) continue;
    reported.add(id);
    problems.push({
      severity: 'warning',
      code: 'damaged-name',
      message: `"${use.full}" looks like a damaged copy of "${source.full}" (entry "${source.item.custom.key}", line ${source.item.custom.line})`,
      file,
      line: use.item.custom.line,
      key: use.item.custom.key,
    });
  }
  return problems;
}
