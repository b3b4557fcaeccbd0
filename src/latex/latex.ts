/**
 * LaTeX text, both ways, from unicode2latex's tables (Better BibTeX's): reading accents as UTF-8 and writing any
 * character as LaTeX; and field values made safe for LaTeX and BibTeX: a small tokenizer for BibTeX/LaTeX text (commands, braces, math) and
 * the transforms the exporters apply to its text runs. Pure.
 *
 * - `%`, `&`, `#`, `_` and `^` in text become `\%`, `\&`, `\#`, `\_`, `\^{}` (they would comment out the rest of a
 *   `.bbl` line, or be a LaTeX error);
 * - a command that is not a known text command (`\input`, `\write18`, a stray `\` in `C:\path`) is refused with an
 *   error naming the field, because it would run in the reader's document;
 * - for the ASCII target, non-ASCII characters become LaTeX (`Kam{\'e}lia`, `{\L}ukasz`) from unicode2latex's tables;
 * - in titles, words with capitals that a lower-casing style would destroy are braced (`{LLM}`, `{NeurIPS}`).
 */
import { load as unicode2latex, type Unicode2latex } from '../vendor/unicode2latex.js';
import { lookupTable } from '../model/lookup-table.js';

/** Text commands a bibliography may hold (accents, formatting, symbols, logos). */
const KNOWN_COMMANDS = new Set([
  // accents and special letters
  ...'`\'^"~=.uvHcdbkrtG'.split(''),
  'i',
  'j',
  'l',
  'L',
  'o',
  'O',
  'ss',
  'SS',
  'ae',
  'AE',
  'oe',
  'OE',
  'aa',
  'AA',
  'dh',
  'DH',
  'th',
  'TH',
  'dj',
  'DJ',
  'ng',
  'NG',
  // formatting
  'emph',
  'textit',
  'textbf',
  'textsc',
  'texttt',
  'textsf',
  'textrm',
  'textsl',
  'textup',
  'textmd',
  'textnormal',
  'textsuperscript',
  'textsubscript',
  'mbox',
  'hbox',
  'it',
  'bf',
  'sc',
  'em',
  'rm',
  'tt',
  'sf',
  'sl',
  'relax',
  'noopsort',
  // symbols and logos
  'LaTeX',
  'TeX',
  'BibTeX',
  'XeTeX',
  'LuaTeX',
  'ldots',
  'dots',
  'textendash',
  'textemdash',
  'textquoteright',
  'textquoteleft',
  'textquotedblleft',
  'textquotedblright',
  'textbackslash',
  'textasciitilde',
  'textasciicircum',
  'textunderscore',
  'textbar',
  'textless',
  'textgreater',
  'textdegree',
  'textregistered',
  'texttrademark',
  'textcopyright',
  'S',
  'P',
  'dag',
  'ddag',
  'textsection',
  'textparagraph',
  'pounds',
  'euro',
  'textperiodcentered',
  'guillemotleft',
  'guillemotright',
  'quad',
  'qquad',
  'enspace',
  'thinspace',
  'space',
  'nobreakspace',
  'slash',
  'textminus',
  'textpm',
  'texttimes',
  'textdiv',
  'textmu',
  'textperthousand',
  'textcelsius',
  'textellipsis',
  'checkmark',
  'textasteriskcentered',
  'textbullet',
  'textdagger',
  'textdaggerdbl',
]);

export class UnsafeValueError extends Error {}

type Token =
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

let creator: InstanceType<Unicode2latex['Transform']> | undefined;
function tableLatex(text: string): string {
  creator ??= new (unicode2latex().Transform)('bibtex-creator');
  return creator.tolatex(text);
}

type BaseTable = Readonly<Record<string, { readonly text?: string; readonly math?: string }>>;
const base = (): BaseTable => (unicode2latex().bibtex as unknown as { base: BaseTable }).base;

/** Commands the table writes that need no package beyond fontenc T1 and textcomp. */
function plainLatex(latex: string): boolean {
  return [...latex.matchAll(/\\([A-Za-z]+)/g)].every(
    (m) => KNOWN_COMMANDS.has(m[1] as string) || m[1] === 'textcommabelow',
  );
}

/** Stacked accents the table writes flat (`\~\^e`, `\d\^e`), which LaTeX cannot read that way. */
const STACKED =
  /\\([`'^"~=.]|[uvHcdbkrt](?![A-Za-z]))\s*\\([`'^"~=.]|[uvHcdbkrt](?![A-Za-z]))\s*([A-Za-z])(?![A-Za-z])/g;

/**
 * One character as LaTeX (for any non-ASCII character), or undefined when no table knows it: unicode2latex's table,
 * stacked accents nested as LaTeX needs them (`{\~{\^e}}`), the math form where the text form needs a package
 * (`$\theta$`), then the compatibility decomposition (`Ǆ` -> `D{\v Z}`).
 */
export function latexForChar(ch: string): string | undefined {
  if (charLatex.has(ch)) return charLatex.get(ch);
  const latex = computeLatexForChar(ch);
  charLatex.set(ch, latex);
  return latex;
}

/** Memo of latexForChar: a bibliography repeats the same few accented letters. */
const charLatex = new Map<string, string | undefined>();

function computeLatexForChar(ch: string): string | undefined {
  for (const candidate of [ch, ch.normalize('NFKD').normalize('NFC')]) {
    let latex = tableLatex(candidate).replace(
      STACKED,
      (_m, outer: string, inner: string, letter: string) => `\\${outer}{\\${inner}{${letter}}}`,
    );
    const entry = base()[candidate];
    if (!plainLatex(latex) && entry?.math) latex = `$${entry.math}$`;
    if (!/[^\x00-\x7f]/.test(latex)) return latex;
  }
  return undefined;
}

/**
 * A letter followed by combining accents that Unicode has no precomposed form for (`ı` + U+0301, as Zotero writes
 * "Rocı́o"), as the accent commands around the letter: `\'{\i}`, never an accent that moves to the next letter.
 */
function withCombiningAccents(text: string): string {
  if (!/\p{M}/u.test(text)) return text;
  return text.normalize('NFC').replace(/(\P{M})(\p{M}+)/gu, (whole, letter: string, marks: string) => {
    let out = /[\x00-\x7f]/.test(letter) ? letter : (latexForChar(letter) ?? '').replace(/^\{(.*)\}$/, '$1');
    if (out === '') return whole;
    for (const mark of marks) {
      const accent = (latexForChar(mark) ?? '').replace(/^\{(.*)\}$/, '$1');
      if (!/^\\(?:[^A-Za-z]|[A-Za-z]+)$/.test(accent)) return whole;
      out = `${accent}{${out}}`;
    }
    return out;
  });
}

/** Non-ASCII text as LaTeX: unicode2latex's table, then its compatibility decomposition (`Ǆ` -> `D{\v Z}`). */
function asciiLatex(text: string): string {
  return withCombiningAccents(text).replace(/[^\x00-\x7f]+/g, (run) =>
    [...run]
      .map((ch) => {
        const latex = latexForChar(ch);
        if (latex === undefined)
          throw new UnsafeValueError(
            `has "${ch}" (U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}), which has no LaTeX form in ASCII; export with --target biblatex`,
          );
        return latex;
      })
      .join(''),
  );
}

/**
 * Characters pdflatex's utf8 input encoding sets with fontenc T1 and textcomp: Latin-1, Latin Extended-A and common
 * punctuation; and Cyrillic, which it sets once the document loads T2A (babel's russian, ukrainian, ...), the same
 * condition LaTeX's `\cyrchar` commands need, so writing them as commands would gain nothing and read worse. Others
 * (Greek letters in a title, subscripts, math signs, spacing characters) must be written as LaTeX.
 */
export function pdflatexSets(code: number): boolean {
  return (
    code <= 0x17f ||
    (code >= 0x400 && code <= 0x45f) ||
    [0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac].includes(code)
  );
}

/** Spacing characters as the commands they were read from (read.ts writes `\,` as U+2009, `\quad` as U+2003). */
const SPACES: Readonly<Record<string, string>> = lookupTable({
  '\u2002': '\\enspace{}',
  '\u2003': '\\quad{}',
  '\u2005': '\\;',
  '\u2006': '\\,',
  '\u2009': '\\,',
  '\u200a': '\\,',
  '\u202f': '\\,',
  '\u200b': '',
});

/** Text with the characters pdflatex cannot set written as LaTeX (the biblatex target stays UTF-8 otherwise). */
function pdflatexText(text: string): string {
  return [...withCombiningAccents(text)]
    .map((ch) => {
      if (pdflatexSets(ch.codePointAt(0) ?? 0)) return ch;
      const space = SPACES[ch];
      if (space !== undefined) return space;
      const latex = latexForChar(ch);
      if (latex === undefined)
        throw new UnsafeValueError(
          `has "${ch}" (U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}), which pdflatex cannot set and no table writes as LaTeX`,
        );
      return latex;
    })
    .join('');
}

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
        if (/^[A-Za-z]+$/.test(token.name) && !KNOWN_COMMANDS.has(token.name) && !options.commands?.has(token.name)) {
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
  if (after?.kind === 'command' && (after.name === 'i' || after.name === 'j'))
    return { char: after.name + u, rest: '', next: i + 2 };
  return undefined;
}
