/**
 * Characters as LaTeX, from unicode2latex's tables (Better BibTeX's): any character for the pure-ASCII bibtex target,
 * and the characters pdflatex cannot set for the biblatex target; a letter with combining accents Unicode cannot
 * compose written as the accents around it.
 */
import { load as unicode2latex, type Unicode2latex } from '../vendor/unicode2latex.js';
import { lookupTable } from '../model/lookup-table.js';
import { KNOWN_COMMANDS } from './known-commands.js';
import { PLAIN_LATEX_COMMANDS } from './plain-latex-commands.js';
import { UnsafeValueError } from './unsafe-value.js';

let creator: InstanceType<Unicode2latex['Transform']> | undefined;
function tableLatex(text: string): string {
  creator ??= new (unicode2latex().Transform)('bibtex-creator');
  return creator.tolatex(text);
}

type BaseTable = Readonly<Record<string, { readonly text?: string; readonly math?: string }>>;
const base = (): BaseTable => (unicode2latex().bibtex as unknown as { base: BaseTable }).base;

/** The names of the commands in `latex` (`\\'{e}\\dh` -> `dh`; control symbols have none). */
function commandNames(latex: string): string[] {
  return [...latex.matchAll(/\\([A-Za-z]+)/g)].map((m) => m[1] as string);
}

/** Commands the table writes that a bibliography's text may hold (the text form is kept, not the math form). */
function plainTextLatex(latex: string): boolean {
  return commandNames(latex).every((name) => KNOWN_COMMANDS.has(name) || name === 'textcommabelow');
}

/**
 * Whether a plain document can run every command of `latex` (scripts/plain-latex-commands.mjs asked pdflatex), or
 * one that sets Cyrillic (T2A, the condition under which pdflatex sets the characters themselves too).
 */
function runsInPlainLatex(latex: string): boolean {
  return commandNames(latex).every(
    (name) => PLAIN_LATEX_COMMANDS.has(name) || KNOWN_COMMANDS.has(name) || /^(?:CYR|cyr)/.test(name),
  );
}

/** Stacked accents the table writes flat (`\~\^e`, `\d\^e`), which LaTeX cannot read that way. */
const STACKED =
  /\\([`'^"~=.]|[uvHcdbkrt](?![A-Za-z]))\s*\\([`'^"~=.]|[uvHcdbkrt](?![A-Za-z]))\s*([A-Za-z])(?![A-Za-z])/g;

/**
 * One character as LaTeX (for any non-ASCII character), or undefined when no table knows it or its LaTeX needs a
 * package a plain document does not load: unicode2latex's table,
 * stacked accents nested as LaTeX needs them (`{\~{\^e}}`), the math form where the text form needs a package
 * (`$\theta$`); then its table of textcomp, which LaTeX has loaded itself since 2020 (`ª` -> `\textordfeminine`, where
 * the decomposition would write `a`); then the compatibility decomposition (`Ǆ` -> `D{\v Z}`).
 */
export function latexForChar(ch: string): string | undefined {
  if (charLatex.has(ch)) return charLatex.get(ch);
  const latex = computeLatexForChar(ch);
  charLatex.set(ch, latex);
  return latex;
}

/** Memo of latexForChar: a bibliography repeats the same few accented letters. */
const charLatex = new Map<string, string | undefined>();

const textcomp = (): BaseTable =>
  (unicode2latex().bibtex as unknown as { package: { textcomp: BaseTable } }).package.textcomp;

/** LaTeX a plain document can run, in ASCII; else undefined. */
const runnable = (latex: string | undefined): string | undefined =>
  latex !== undefined && !/[^\x00-\x7f]/.test(latex) && runsInPlainLatex(latex) ? latex : undefined;

function baseTableLatex(ch: string): string | undefined {
  let latex = tableLatex(ch).replace(
    STACKED,
    (_m, outer: string, inner: string, letter: string) => `\\${outer}{\\${inner}{${letter}}}`,
  );
  const entry = base()[ch];
  if (!plainTextLatex(latex) && entry?.math) latex = `$${entry.math}$`;
  // a command the document cannot run (U+FFFD as `\dbend`, which needs manfnt) is no LaTeX form at all
  return runnable(latex);
}

function computeLatexForChar(ch: string): string | undefined {
  const textcompCommand = textcomp()[ch]?.text;
  return (
    baseTableLatex(ch) ??
    runnable(textcompCommand === undefined ? undefined : `{${textcompCommand}}`) ??
    baseTableLatex(ch.normalize('NFKD').normalize('NFC'))
  );
}

/**
 * A letter followed by combining accents that Unicode has no precomposed form for (`ı` + U+0301, as Zotero writes
 * "Rocı́o"), as the accent commands around the letter: `\'{\i}`, never an accent that moves to the next letter.
 */
export function withCombiningAccents(text: string): string {
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
export function asciiLatex(text: string): string {
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
export function pdflatexText(text: string): string {
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
