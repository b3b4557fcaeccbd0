/**
 * Text from anywhere outside the store (arXiv, DBLP, Crossref, Semantic Scholar, a file being imported) becomes a
 * BibTeX field value here, and only here: a value, never syntax. Pure.
 *
 * What BibTeX itself counts decides what is safe. BibTeX's scanner ends a braced value at the brace that balances
 * the opening one, and it does not know backslashes: `\}` closes a value as surely as `}`. So:
 * - control characters (C0, DEL, C1) and the bidirectional overrides are removed; tabs and line ends become spaces and
 *   runs of spaces fold to one, so a value is one line and an `@` in it can never start an entry;
 * - braces are balanced as BibTeX counts them: a brace without a partner is written `\textbraceleft{}` or
 *   `\textbraceright{}` (with its backslash, when it had one), which prints the brace and counts as nothing;
 * - a trailing backslash is written `\textbackslash{}`, so it cannot swallow the closing delimiter in LaTeX;
 * - TeX primitives that reach files, the shell or the macro table (`\input`, `\write18`, `\def`, `\catcode`, ...)
 *   are written as text: `\textbackslash{}input`.
 * The function is idempotent: a value that passed it passes unchanged (a tested invariant).
 */

/** C0 controls but tab and line ends, DEL, C1 controls, and the bidirectional embedding/override/isolate marks. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ONE_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

/** Where the first control character is, or -1. */
export function controlCharacterAt(text: string): number {
  return text.search(ONE_CONTROL_CHARACTER);
}

/**
 * TeX commands that read or write files, run programs or change the document's set-up: never copied into a reader's
 * document (export-bib's copy as written refuses them too).
 */
export const FILE_AND_SHELL_COMMANDS: readonly string[] = [
  'input',
  'include',
  'includeonly',
  'InputIfFileExists',
  'write',
  'immediate',
  'openout',
  'openin',
  'closeout',
  'closein',
  'read',
  'readline',
  'catcode',
  'csname',
  'special',
  'directlua',
  'latelua',
  'luaexec',
  'ShellEscape',
  'pdfshellescape',
  'shipout',
  'output',
  'everypar',
  'everymath',
  'everyhbox',
  'everyvbox',
  'endinput',
  'dump',
  'usepackage',
  'RequirePackage',
  'documentclass',
  'verbatiminput',
  'batchmode',
  'nonstopmode',
  'scrollmode',
  'errorstopmode',
  'jobname',
];

/** And those that redefine what other text means: harmless in a preamble the owner wrote, never in a value. */
const REDEFINING_COMMANDS = [
  'lccode',
  'uccode',
  'def',
  'edef',
  'gdef',
  'xdef',
  'let',
  'futurelet',
  'expandafter',
  'newcommand',
  'renewcommand',
  'providecommand',
  'DeclareRobustCommand',
  'afterassignment',
  'aftergroup',
  'end',
  'loop',
  'makeatletter',
];

/** A pattern for these command names (`\name`, not followed by a letter), capturing the name. */
export function commandPattern(names: readonly string[], flags = ''): RegExp {
  return new RegExp(`\\\\(${names.join('|')})(?![A-Za-z])`, flags);
}

const DANGEROUS_COMMANDS = commandPattern([...FILE_AND_SHELL_COMMANDS, ...REDEFINING_COMMANDS], 'g');

/** Text without control characters, on one line, spaces folded and trimmed: plain text from a service. */
export function plainText(text: string): string {
  return text
    .replace(/[\t\n\r\f\v\u0085\u2028\u2029]/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Braces balanced as BibTeX counts them (backslashes ignored); unpartnered ones written as their text commands. */
export function balanceBraces(text: string): string {
  const unmatched = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length > 0) open.pop();
      else unmatched.add(i);
    }
  }
  for (const i of open) unmatched.add(i);
  if (unmatched.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!unmatched.has(i)) {
      out += c;
      continue;
    }
    // `\{` and `\}` are LaTeX's braces as text: their backslash goes with them
    if (out.endsWith('\\') && !out.endsWith('\\\\')) out = out.slice(0, -1);
    out += c === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
  }
  return out;
}

/**
 * Any text as the content of a braced BibTeX value: one line, no control characters, braces balanced as BibTeX
 * counts them, no trailing backslash, no dangerous TeX primitive. Idempotent.
 */
export function fieldText(text: string): string {
  let out = balanceBraces(plainText(text));
  out = out.replace(DANGEROUS_COMMANDS, '\\textbackslash{}$1');
  // a run of backslashes at the end: an odd one would escape what follows the value in LaTeX
  const trailing = /\\+$/.exec(out);
  if (trailing && trailing[0].length % 2 === 1) out = `${out.slice(0, -1)}\\textbackslash{}`;
  return out;
}

/** What may stand bare (without braces): a number, or a macro name such as `jun`. */
export function isBareValue(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_]*$/.test(text);
}
