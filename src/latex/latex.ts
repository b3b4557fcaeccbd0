/**
 * Field values made safe for LaTeX and BibTeX: a small tokenizer for BibTeX/LaTeX text (commands, braces, math) and
 * the transforms the exporters apply to its text runs (characters as LaTeX in characters.ts, accents read as UTF-8 in
 * accents.ts, the known text commands in known-commands.ts). Pure.
 *
 * - `%`, `&`, `#`, `_` and `^` in text become `\%`, `\&`, `\#`, `\_`, `\^{}` (they would comment out the rest of a
 *   `.bbl` line, or be a LaTeX error);
 * - a command that is not a known text command (`\input`, `\write18`, a stray `\` in `C:\path`) is refused with an
 *   error naming the field, because it would run in the reader's document;
 * - for the ASCII target, non-ASCII characters become LaTeX (`Kam{\'e}lia`, `{\L}ukasz`) from unicode2latex's tables;
 * - in titles, words with capitals that a lower-casing style would destroy are braced (`{LLM}`, `{NeurIPS}`).
 */
import { lookupTable } from '../model/lookup-table.js';
import { asciiLatex, pdflatexText } from './characters.js';
import { KNOWN_COMMANDS } from './known-commands.js';
import { PLAIN_LATEX_COMMANDS } from './plain-latex-commands.js';
export { latexForChar, pdflatexSets } from './characters.js';

export { UnsafeValueError } from './unsafe-value.js';
import { UnsafeValueError } from './unsafe-value.js';

export type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'command'; readonly text: string; readonly name: string }
  | { readonly kind: 'brace'; readonly text: '{' | '}' }
  | { readonly kind: 'math'; readonly text: string };

export function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\') {
      flush();
      const rest = value.slice(i + 1);
      const letters = /^[A-Za-z]+/.exec(rest);
      if (letters) {
        tokens.push({ kind: 'command', text: `\\${letters[0]}`, name: letters[0] });
        i += letters[0].length;
      } else if (rest.length > 0) {
        tokens.push({ kind: 'command', text: `\\${rest[0]}`, name: rest[0] as string });
        i += 1;
      } else {
        tokens.push({ kind: 'command', text: '\\', name: '' });
      }
    } else if (ch === '{' || ch === '}') {
      flush();
      tokens.push({ kind: 'brace', text: ch });
    } else if (ch === '$') {
      flush();
      const end = value.indexOf('$', i + 1);
      if (end === -1) throw new UnsafeValueError('has a "$" that opens math and is never closed');
      tokens.push({ kind: 'math', text: value.slice(i, end + 1) });
      i = end;
    } else text += ch;
  }
  flush();
  return tokens;
}

const TEXT_SPECIALS: Readonly<Record<string, string>> = lookupTable({
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
});
const CONTROL_SYMBOLS = new Set([
  '%',
  '&',
  '#',
  '_',
  '$',
  '{',
  '}',
  ' ',
  '\\',
  ',',
  ';',
  ':',
  '!',
  '-',
  '/',
  '@',
  '&',
  '^',
  '~',
]);

export interface ValueOptions {
  /** Write non-ASCII characters as LaTeX. */
  readonly ascii: boolean;
  /** Write the characters pdflatex cannot set from UTF-8 as LaTeX (biblatex target). */
  readonly pdflatex?: boolean;
  /** Brace words whose capitals a lower-casing style would destroy. */
  readonly protectCapitals: boolean;
  /** Commands that pass beyond the text commands every document knows (the export target's policy). */
  readonly commands?: ReadonlySet<string>;
  /** Commands whose one argument is an address, written verbatim (`\url`). */
  readonly urlCommands?: ReadonlySet<string>;
}

/** A word part with a capital after its first letter, or of capitals only: `LLM`, `NeurIPS`, `SHADE`, `GPT`. */
const NEEDS_PROTECTION = /^(?:\p{Lu}[\p{Lu}\p{N}]+|.+\p{Lu}.*)$/u;

/** Braces a word when one of its hyphen-separated parts needs it: `{SHADE-Arena}`, `{GPT-4}`, not `Chain-of-Thought`. */
function protectWords(text: string): string {
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}'’-]*[\p{L}\p{N}]|\p{L}/gu, (word) =>
    word.split('-').some((part) => NEEDS_PROTECTION.test(part)) ? `{${word}}` : word,
  );
}

/** A safe LaTeX value for a text field; throws UnsafeValueError with the reason. */
export function safeText(value: string, options: ValueOptions): string {
  let depth = 0;
  let out = '';
  const tokens = tokenize(value);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'command' && options.urlCommands?.has(token.name) && tokens[i + 1]?.text === '{') {
      const end = tokens.findIndex((t, k) => k > i + 1 && t.text === '}');
      if (end === -1) throw new UnsafeValueError(`has ${token.text}{ with no closing "}"`);
      const address = tokens
        .slice(i + 2, end)
        .map((t) => t.text)
        .join('');
      out += `${token.text}{${safeVerbatim(address)}}`;
      i = end;
      continue;
    }
    switch (token.kind) {
      case 'brace':
        depth += token.text === '{' ? 1 : -1;
        if (depth < 0) throw new UnsafeValueError('has a "}" that closes no "{"');
        out += token.text;
        break;
      case 'math':
        out += options.ascii ? token.text.replace(/[^\x00-\x7f]/g, (ch) => mathChar(ch)) : token.text;
        break;
      case 'command':
        if (token.name === '') throw new UnsafeValueError('ends with a stray "\\"');
        if (token.name === '>') {
          // the medium space of plain TeX's math (`\>`), which LaTeX spells `\:`, in text as in math
          out += '\\:';
          break;
        }
        // a command that names a character and that every document defines (`\texteuro`) prints that character
        if (
          /^[A-Za-z]+$/.test(token.name) &&
          !KNOWN_COMMANDS.has(token.name) &&
          !PLAIN_LATEX_COMMANDS.has(token.name) &&
          !options.commands?.has(token.name)
        ) {
          throw new UnsafeValueError(
            `uses the command ${token.text}, which a bibliography must not run; write it as text or remove it`,
          );
        }
        if (!/^[A-Za-z]+$/.test(token.name) && !CONTROL_SYMBOLS.has(token.name) && !KNOWN_COMMANDS.has(token.name)) {
          throw new UnsafeValueError(`has a stray "\\" before "${token.name}"`);
        }
        out += token.text;
        break;
      case 'text': {
        let text = token.text.replace(/[%&#_^]/g, (ch) => TEXT_SPECIALS[ch] ?? ch);
        if (options.protectCapitals && depth === 0) text = protectWords(text);
        if (options.ascii) text = asciiLatex(text);
        else if (options.pdflatex) text = pdflatexText(text);
        out += text;
        break;
      }
    }
  }
  if (depth !== 0) throw new UnsafeValueError('has a "{" that is never closed');
  return out;
}

function mathChar(ch: string): string {
  return asciiLatex(ch).replace(/^\{?\$|\$\}?$/g, '');
}

/** URLs and DOIs: `%` and `#` escaped for `\url`, nothing else touched. */
export function safeVerbatim(value: string): string {
  if (/[{}\\]/.test(value.replace(/\\[%#]/g, '')))
    throw new UnsafeValueError('holds braces or a backslash, which a URL or DOI cannot');
  return value.replace(/(?<!\\)([%#])/g, '\\$1');
}
