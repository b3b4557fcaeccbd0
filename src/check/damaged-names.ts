/**
 * Names that look like a damaged copy of another name in the store: accents lost by a copy-paste (`Hgele` beside
 * `Hägele`, `Kamlia` beside `Kamélia`), replaced by `?`, turned into mojibake (`HÃ¤gele`), or spelled without them
 * (`Hagele`).
 */
import type { CslItem, CslName } from '../csl/types.js';
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
  // the first use of each word (in order), and the last use of each accented spelling: objects for those only, not
  // for each of the hundreds of thousands of words a long store's names have
  const firstUse = new Map<string, NameUse>();
  const accented = new Map<string, NameUse>();
  const eachWord = (visit: (word: string, item: CslItem, name: CslName) => void): void => {
    for (const item of items)
      for (const name of item.author ?? []) {
        for (const word of nameWords(name.given)) visit(word, item, name);
        for (const word of nameWords(name.family)) visit(word, item, name);
      }
  };
  eachWord((word, item, name) => {
    const f = factsOf(word);
    if (!firstUse.has(word)) firstUse.set(word, { word, full: displayName(name), item });
    if (!f.ascii) accented.set(f.folded, { word, full: displayName(name), item });
  });
  const good = new Map<string, NameUse>();
  for (const [word, use] of firstUse) for (const form of factsOf(word).forms) if (!good.has(form)) good.set(form, use);

  const problems: Problem[] = [];
  const reported = new Set<string>();
  eachWord((word, item, name) => {
    const original = good.get(word);
    const f = factsOf(word);
    const plainSpelling = f.ascii ? accented.get(f.folded) : undefined;
    const source = original ?? (plainSpelling && plainSpelling.word !== word ? plainSpelling : undefined);
    if (!source) return;
    const full = displayName(name);
    // one warning per name and entry, however many of its words are damaged
    const id = `${item.custom.key}\u0000${full}`;
    if (reported.has(id)) return;
    reported.add(id);
    problems.push({
      severity: 'warning',
      code: 'damaged-name',
      message: `"${full}" looks like a damaged copy of "${source.full}" (entry "${source.item.custom.key}", line ${source.item.custom.line})`,
      file,
      line: item.custom.line,
      key: item.custom.key,
    });
  });
  return problems;
}
