/**
 * Reading LaTeX in .bib values as TeX means it, before citation-js maps the entry.
 *
 * citation-js reads accents, formatting commands (`\textit`), ligatures and its table of text symbols well; this
 * pass resolves what it leaves as raw LaTeX or misreads: logos (`\LaTeX`), `\mbox{…}`, spacing commands, `\slash`,
 * math (`$\le \omega$`, `\pm`, sub- and superscripts), `\url{…}` contents, and unknown commands (kept as their
 * argument's text and reported). Its output is LaTeX that citation-js reads as intended: resolved characters are
 * written out, and the ones citation-js would take for markup (`$`, `%`, `&`, `#`, `_`, `~`, `^`, `\`, braces) are
 * escaped. TeX's rule holds: a control word swallows the spaces after it (`\LaTeX Companion` is `LaTeXCompanion`).
 * Pure.
 */
import { EMPTY_ACCENTS, SPACING_SYMBOLS, TEXT_ACCENTS, UNWRAP_COMMANDS } from './read-tables.js';
import { ACCENTS, CITATION_JS, ESCAPED, escapeForCitationJs, FORMATTING, symbolText } from './read-symbols.js';
import { mathForCitationJs, readMath } from './read-math.js';

export { escapeForCitationJs };

export interface LatexReading {
  /** The value as LaTeX that citation-js reads as intended. */
  readonly text: string;
  /** Commands no table knows, without the backslash, in order of appearance. */
  readonly unknown: readonly string[];
}

/** An empty group (`{}`, `{ }`) at lastIndex: the argument of an accent over nothing. */
const EMPTY_GROUP = /\s*\{\s*\}/y;

class Reader {
  private i = 0;
  readonly unknown: string[] = [];

  constructor(private readonly s: string) {}

  /** Text mode until the end, or until the `}` that closes the group we are in (not consumed). */
  text(inGroup = false): string {
    let out = '';
    while (this.i < this.s.length) {
      const ch = this.s[this.i] as string;
      if (ch === '}' && inGroup) return out;
      if (ch === '\\') out += this.command();
      else if (ch === '$') out += this.mathShift();
      else if (ch === '{') {
        this.i++;
        out += `{${this.text(true)}}`;
        if (this.s[this.i] === '}') this.i++;
      } else {
        out += ch;
        this.i++;
      }
    }
    return out;
  }

  /** `$…$` or `$$…$$`; a `$` that opens nothing is a dollar sign. */
  private mathShift(): string {
    const display = this.s.startsWith('$$', this.i);
    const delimiter = display ? '$$' : '$';
    const end = this.s.indexOf(delimiter, this.i + delimiter.length);
    if (end === -1) {
      this.i++;
      return '\\$';
    }
    const inner = this.s.slice(this.i + delimiter.length, end);
    this.i = end + delimiter.length;
    return mathForCitationJs(readMath(inner, this.unknown));
  }

  private command(): string {
    const rest = this.s.slice(this.i + 1);
    const word = /^[A-Za-z]+\*?/.exec(rest)?.[0];
    if (!word) return this.controlSymbol(rest[0]);
    const name = word.replace(/\*$/, '');
    const start = this.i;
    this.i += 1 + word.length;
    // `4\textsuperscriptème`: TeX takes the next character as the argument; citation-js wants braces
    if (FORMATTING.has(name) && !/^\s*\{/.test(this.s.slice(this.i)) && /^[^\s\\{}$]/u.test(this.s.slice(this.i))) {
      const next = [...this.s.slice(this.i)][0] as string;
      this.i += next.length;
      return `\\${name}{${escapeForCitationJs(next)}}`;
    }
    if (ACCENTS.has(name) && this.emptyGroup()) return escapeForCitationJs(EMPTY_ACCENTS[name] ?? '');
    if (ACCENTS.has(name) || CITATION_JS.has(name)) {
      // `\ss\ x`: citation-js would swallow the control space's space after the command, as TeX does a plain one
      const controlSpace =
        this.s[this.i] === '\\' && /[ \t\r\n]/.test(this.s[this.i + 1] ?? '') && /^[A-Za-z]/.test(word);
      return this.s.slice(start, this.i) + (controlSpace ? '{}' : '');
    }
    if (name === 'url' || name === 'path' || name === 'nolinkurl') return escapeForCitationJs(this.rawGroup() ?? '');
    if (name === 'href') {
      this.rawGroup();
      return this.groupText() ?? '';
    }
    const accent = TEXT_ACCENTS[name];
    if (accent !== undefined) {
      const arg = this.groupText() ?? '';
      return `${arg}${accent}`.normalize('NFC');
    }
    if (name === 'ensuremath') return mathForCitationJs(readMath(this.rawGroup() ?? '', this.unknown));
    if (UNWRAP_COMMANDS.has(name)) {
      const inner = this.groupText();
      return inner === undefined ? '' : `{${inner}}`;
    }
    if (name === 'hspace' || name === 'vspace' || name === 'hskip' || name === 'kern') {
      this.rawGroup();
      return ' ';
    }
    const symbol = symbolText(name, false);
    this.skipSpaces();
    if (symbol !== undefined) {
      if (this.s.startsWith('{}', this.i)) this.i += 2;
      return escapeForCitationJs(symbol);
    }
    // unknown: its argument's text stays (case-protected), the command goes, and it is reported
    this.unknown.push(name);
    const inner = this.groupText();
    return inner === undefined ? '' : `{${inner}}`;
  }

  /** An empty group next (`{}`, `{ }`), read past: the argument of an accent over nothing. */
  private emptyGroup(): boolean {
    EMPTY_GROUP.lastIndex = this.i;
    const group = EMPTY_GROUP.exec(this.s);
    if (group) this.i += group[0].length;
    return group !== null;
  }

  private controlSymbol(ch: string | undefined): string {
    this.i += 2;
    if (ch === undefined) {
      this.i--;
      return ESCAPED['\\'] as string;
    }
    if ('$%&#_{}'.includes(ch)) return `\\${ch}`;
    if (ACCENTS.has(ch)) return this.emptyGroup() ? escapeForCitationJs(EMPTY_ACCENTS[ch] ?? '') : `\\${ch}`;
    const space = SPACING_SYMBOLS[ch];
    if (space !== undefined) return space;
    const symbol = symbolText(ch, false);
    return symbol !== undefined ? escapeForCitationJs(symbol) : '';
  }

  private skipSpaces(): void {
    while (this.i < this.s.length && /[ \t\n\r]/.test(this.s[this.i] as string)) this.i++;
  }

  /** The raw text of a `{…}` group after optional spaces (nested braces kept), or undefined without one. */
  private rawGroup(): string | undefined {
    let j = this.i;
    while (j < this.s.length && /\s/.test(this.s[j] as string)) j++;
    if (this.s[j] !== '{') return undefined;
    let depth = 0;
    for (let k = j; k < this.s.length; k++) {
      if (this.s[k] === '\\') {
        k++;
        continue;
      }
      if (this.s[k] === '{') depth++;
      else if (this.s[k] === '}' && --depth === 0) {
        this.i = k + 1;
        return this.s.slice(j + 1, k);
      }
    }
    return undefined;
  }

  /** A `{…}` group read as text. */
  private groupText(): string | undefined {
    const raw = this.rawGroup();
    if (raw === undefined) return undefined;
    const inner = new Reader(raw);
    const text = inner.text();
    this.unknown.push(...inner.unknown);
    return text;
  }
}

/** Reads one field value; see the module comment. */
export function readLatex(value: string): LatexReading {
  if (!/[\\$]/.test(value)) return { text: value, unknown: [] };
  const reader = new Reader(value);
  const text = reader.text();
  return { text, unknown: reader.unknown };
}
