/**
 * A name list without braces, math, commands, ties or `=` read as citation-js's BibTeX plugin reads it
 * (`input/value.js`: the rules `StringNames`, `Name`, `NamePiece` and `NameToken` over the lexer state
 * `namesLiteral`), without running its general grammar. On such text the plugin's lexer makes five kinds of token, in
 * the order its rules are tried: ` and ` (any case, with the white space around it), a comma, a hyphen, white space,
 * and a word. The rules below follow the plugin's line by line; each name's words are ordered by the plugin's own
 * `orderNamePieces`. Pure.
 */
import type { NamePart } from '@citation-js/plugin-bibtex/lib/input/name.js';
import type { CitationJs } from '../vendor/citation-js.js';

type TokenKind = 'and' | 'comma' | 'hyphen' | 'whitespace' | 'text';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

/** The plugin's `namesLiteral` rules that can match such text, in its order (moo tries them so). */
const TOKEN = /(\s+[aA][nN][dD]\s+)|(,)|(-)|(\s+)|([^\s,-]+)/y;

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < value.length) {
    const m = TOKEN.exec(value);
    if (!m) throw new Error(`no name token at ${TOKEN.lastIndex}`);
    const kind: TokenKind =
      m[1] !== undefined
        ? 'and'
        : m[2] !== undefined
          ? 'comma'
          : m[3] !== undefined
            ? 'hyphen'
            : m[4] !== undefined
              ? 'whitespace'
              : 'text';
    tokens.push({ kind, text: m[0] });
  }
  return tokens;
}

/**
 * The plugin's `getStringCase`: whether the word's first cased letter is upper case. It compares the word's upper- and
 * lower-case forms letter by letter; a word that starts with an ASCII letter is answered by that letter.
 */
function wordCase(word: string, citationJs: CitationJs): boolean | null {
  const c = word.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c >= 0x61 && c <= 0x7a) return false;
  return citationJs.getStringCase(word);
}

/** Thrown where the plugin's rules would read on with its general `Text` rule: the caller lets the plugin read it. */
class NotPlain extends Error {}

/**
 * The names of a list as citation-js reads them (objects of `family`, `given`, `prefix`, `suffix`), or undefined
 * where the text needs the plugin's general grammar.
 */
export function plainNameList(value: string, citationJs: CitationJs): Record<string, string>[] | undefined {
  const tokens = tokenize(value);
  let i = 0;
  const at = (kind: TokenKind): boolean => tokens[i]?.kind === kind;
  const atEnd = (): boolean => i >= tokens.length;

  // NameToken: a word, ending at the end, ` and `, a comma, white space, or a hyphen (which joins the next word)
  const nameToken = (): NamePart => {
    let upperCase: boolean | null = null;
    let text = '';
    for (;;) {
      if (upperCase === null && at('text')) {
        const word = (tokens[i++] as Token).text;
        text += word;
        upperCase = wordCase(word, citationJs);
      } else if (atEnd() || at('and') || at('comma') || at('whitespace')) return { value: text, upperCase };
      else if (at('hyphen')) return { value: text, upperCase, hyphenated: true };
      else throw new NotPlain();
    }
  };
  // NamePiece: words up to the end, ` and ` or a comma; hyphens and white space between them skipped
  const namePiece = (): NamePart[] => {
    const parts: NamePart[] = [];
    for (;;) {
      parts.push(nameToken());
      if (atEnd() || at('and') || at('comma')) return parts;
      while (at('hyphen') || at('whitespace')) i++;
    }
  };
  // Name: pieces separated by commas (and the white space after each), ordered by the plugin
  const name = (): Record<string, string> => {
    const pieces: NamePart[][] = [];
    for (;;) {
      pieces.push(namePiece());
      if (atEnd() || at('and')) return citationJs.orderNamePieces(pieces);
      i++; // the comma: namePiece stops only at the end, ` and ` or a comma
      if (at('whitespace')) i++;
    }
  };
  try {
    // StringNames: names separated by ` and `, white space around each skipped
    const list: Record<string, string>[] = [];
    for (;;) {
      if (at('whitespace')) i++;
      list.push(name());
      if (at('whitespace')) i++;
      if (atEnd()) return list;
      if (!at('and')) throw new NotPlain();
      i++;
    }
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}
