/**
 * LaTeX accents and special letters as UTF-8 (`H{\\"a}gele` -> `Hägele`, `{\\L}ukasz` -> `Łukasz`), from a small table
 * of the common ones and, past it, unicode2latex's. Everything else (commands, braces, math) is left as it is.
 */
import { load as unicode2latex } from '../vendor/unicode2latex.js';
import { lookupTable } from '../model/lookup-table.js';
import { tokenize, type Token } from './latex.js';

type UnicodeTable = Readonly<Record<string, string | { readonly text?: string }>>;
const table = (): UnicodeTable => unicode2latex().latex2unicode as unknown as UnicodeTable;

/**
 * The accents and letters of nearly every .bib file, as unicode2latex's table has them (a test compares the two):
 * reading them needs no table, whose loading and building cost ~50 ms of a first run.
 */
export const COMMON_ACCENTS: Readonly<Record<string, string>> = lookupTable({
  '\\"': '\u0308',
  "\\'": '\u0301',
  '\\`': '\u0300',
  '\\^': '\u0302',
  '\\~': '\u0303',
  '\\=': '\u0304',
  '\\.': '\u0307',
  '\\u': '\u0306',
  '\\v': '\u030c',
  '\\H': '\u030b',
  '\\c': '\u0327',
  '\\k': '\u0328',
  '\\r': '\u030a',
  '\\d': '\u0323',
  '\\o': '\u00f8',
  '\\O': '\u00d8',
  '\\l': '\u0142',
  '\\L': '\u0141',
  '\\ss': '\u00df',
  '\\ae': '\u00e6',
  '\\AE': '\u00c6',
  '\\oe': '\u0153',
  '\\OE': '\u0152',
  '\\aa': 'a\u030a',
  '\\AA': 'A\u030a',
  '\\i': '\u0131',
  '\\j': '\u0237',
});

function toUnicode(command: string): string | undefined {
  const common = COMMON_ACCENTS[command];
  if (common !== undefined) return common;
  const entry = table()[command];
  return typeof entry === 'string' ? entry : entry?.text;
}

function isCombining(text: string | undefined): boolean {
  return text !== undefined && /^\p{M}$/u.test(text);
}

/**
 * LaTeX accents and special letters as UTF-8, from unicode2latex's table: `H{\"a}gele`, `H\"agele`, `H\"{a}gele` ->
 * `Hägele`, `{\L}ukasz` -> `Łukasz`. Everything else (commands, braces, math) is left as it is.
 */
export function latexAccentsToUnicode(value: string): string {
  // stacked accents ({\~\^e}) take one pass per accent
  let text = value;
  for (let pass = 0; pass < 3; pass++) {
    const next = accentPass(text);
    if (next === text) break;
    text = next;
    // a pass changes only commands and the groups around them: with none left, the next pass would change nothing
    if (!text.includes('\\')) break;
  }
  return text;
}

function accentPass(value: string): string {
  let tokens: Token[];
  try {
    tokens = tokenize(value);
  } catch {
    return value;
  }
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // {\"a} and {\L}: a group that is only an accented letter
    if (t.kind === 'brace' && t.text === '{') {
      const group = accentAt(tokens, i + 1);
      // only a group that is the accented letter alone loses its braces: `\textsuperscript{\`eme}` keeps them
      if (group && group.rest === '' && tokens[group.next]?.kind === 'brace' && tokens[group.next]?.text === '}') {
        out += group.char + group.rest;
        i = group.next;
        continue;
      }
    }
    if (t.kind === 'command') {
      const accent = accentAt(tokens, i);
      if (accent) {
        out += accent.char + accent.rest;
        i = accent.next - 1;
        continue;
      }
    }
    out += t.text;
  }
  return out.normalize('NFC');
}

/** An accent command (and its letter) or a special-letter command at `i`; `next` is the token after it. */
function accentAt(tokens: readonly Token[], i: number): { char: string; rest: string; next: number } | undefined {
  const t = tokens[i];
  if (t?.kind !== 'command') return undefined;
  const u = toUnicode(t.text);
  if (u === undefined) return undefined;
  const letterCommand = /^[A-Za-z]+$/.test(t.name);
  // only accents and special letters: `\$`, `\%`, `\slash` are read elsewhere (read.ts), not turned into markup here
  if (!isCombining(u) && !/^\p{L}+$/u.test(u)) return undefined;
  if (!isCombining(u)) {
    // a special letter: \L, \ss, \o; a following "{}" or one space only ends the command
    const after = tokens[i + 1];
    if (after?.kind === 'brace' && after.text === '{' && tokens[i + 2]?.kind === 'brace' && tokens[i + 2]?.text === '}')
      return { char: u, rest: '', next: i + 3 };
    if (letterCommand && after?.kind === 'text' && after.text.startsWith(' '))
      return { char: u, rest: after.text.slice(1), next: i + 2 };
    return { char: u, rest: '', next: i + 1 };
  }
  const after = tokens[i + 1];
  // \"{a}, \v{s}
  if (after?.kind === 'brace' && after.text === '{') {
    const inner = tokens[i + 2];
    if (
      inner?.kind === 'text' &&
      [...inner.text].length === 1 &&
      tokens[i + 3]?.kind === 'brace' &&
      tokens[i + 3]?.text === '}'
    ) {
      return { char: inner.text + u, rest: '', next: i + 4 };
    }
    if (inner?.kind === 'command' && (inner.name === 'i' || inner.name === 'j') && tokens[i + 3]?.text === '}') {
      return { char: inner.name + u, rest: '', next: i + 4 };
    }
    return undefined;
  }
  // \"a, \v s (a letter accent needs the space)
  if (after?.kind === 'text') {
    const m = letterCommand ? /^\s+(\p{L})/u.exec(after.text) : /^\s*(\p{L})/u.exec(after.text);
    if (m) return { char: (m[1] as string) + u, rest: after.text.slice(m[0].length), next: i + 2 };
  }
  if (after?.kind === 'command' && (after.name === 'i' || after.name === 'j')) {
    // `\^\i{}tre`, `\^\i tre` (INSPIRE's Ma\^\i{}tre): the "{}" or the spaces that end `\i` are no text
    const end = tokens[i + 2];
    if (end?.kind === 'brace' && end.text === '{' && tokens[i + 3]?.kind === 'brace' && tokens[i + 3]?.text === '}')
      return { char: after.name + u, rest: '', next: i + 4 };
    if (end?.kind === 'text' && /^\s/.test(end.text))
      return { char: after.name + u, rest: end.text.replace(/^\s+/, ''), next: i + 3 };
    return { char: after.name + u, rest: '', next: i + 2 };
  }
  return undefined;
}
