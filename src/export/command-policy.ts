/**
 * What export-bib does with each LaTeX command in a text field, per target, as data. Every command not named here
 * and not one of the text commands every LaTeX document knows (accents, `\emph`, `\textbf`, `\ldots`, ...) is
 * refused, naming the entry and field, because it would run in the reader's document.
 *
 * - `bibtex` (any document, any classic style): commands of packages the document may not load are rewritten to
 *   what they print: `\url{x}` -> the address as text, `\href{u}{t}` -> t, `\enquote{x}` -> ``x'', `\mkbibemph{x}` ->
 *   `\emph{x}`.
 * - `biblatex` (biblatex loads `url`, not `hyperref` or `csquotes`): `\url` passes with its argument verbatim (an
 *   address with `%` or `#`, which `\url` cannot print inside a field, becomes text),
 *   biblatex's own `\mkbib...` commands pass, `\href{u}{t}` -> t, `\enquote{x}` -> `\mkbibquote{x}`.
 * - Both: a command that names a character (`\ocirc{u}`, `\r{u}`, `\v{s}`) is written as that character (UTF-8 for
 *   biblatex, the table's LaTeX for bibtex), by `latexAccentsToUnicode` before this policy applies.
 */
import { tokenize } from '../latex/latex.js';
import type { ExportTarget } from './targets.js';
import { lookupTable } from '../model/lookup-table.js';

export type CommandRule =
  | { readonly do: 'pass' }
  /** The argument is an address, written verbatim (`%` and `#` escaped). */
  | { readonly do: 'url' }
  /** Replaced by `to`, where `#1`, `#2` are the arguments; the result is checked like any text. */
  | { readonly do: 'rewrite'; readonly args: number; readonly to: string };

const pass: CommandRule = { do: 'pass' };
const url: CommandRule = { do: 'url' };
const rewrite = (args: number, to: string): CommandRule => ({ do: 'rewrite', args, to });

export const COMMAND_POLICY: Readonly<Record<string, Readonly<Record<ExportTarget, CommandRule>>>> = lookupTable({
  url: { bibtex: rewrite(1, '#1'), biblatex: url },
  nolinkurl: { bibtex: rewrite(1, '#1'), biblatex: url },
  path: { bibtex: rewrite(1, '#1'), biblatex: url },
  href: { bibtex: rewrite(2, '#2'), biblatex: rewrite(2, '#2') },
  enquote: { bibtex: rewrite(1, "``#1''"), biblatex: rewrite(1, '\\mkbibquote{#1}') },
  mkbibquote: { bibtex: rewrite(1, "``#1''"), biblatex: pass },
  mkbibemph: { bibtex: rewrite(1, '\\emph{#1}'), biblatex: pass },
  mkbibitalic: { bibtex: rewrite(1, '\\textit{#1}'), biblatex: pass },
  mkbibbold: { bibtex: rewrite(1, '\\textbf{#1}'), biblatex: pass },
  mkbibparens: { bibtex: rewrite(1, '(#1)'), biblatex: pass },
  mkbibbrackets: { bibtex: rewrite(1, '[#1]'), biblatex: pass },
});

/** Commands that pass as they are for a target, beyond the text commands every document knows. */
export function passedCommands(target: ExportTarget): ReadonlySet<string> {
  return new Set(Object.keys(COMMAND_POLICY).filter((name) => COMMAND_POLICY[name]?.[target].do === 'pass'));
}

/** Commands whose argument is an address written verbatim, for a target. */
export function urlCommands(target: ExportTarget): ReadonlySet<string> {
  return new Set(Object.keys(COMMAND_POLICY).filter((name) => COMMAND_POLICY[name]?.[target].do === 'url'));
}

/** The value with the target's rewrites applied; a command without its arguments is left for the check to refuse. */
export function rewriteCommands(value: string, target: ExportTarget, depth = 0): string {
  if (depth > 4 || !value.includes('\\')) return value;
  const tokens = tokenize(value);
  let out = '';
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const rule = token.kind === 'command' ? COMMAND_POLICY[token.name]?.[target] : undefined;
    if (
      rule?.do === 'url' &&
      tokens[i + 1]?.text === '{' &&
      tokens[i + 2]?.kind === 'text' &&
      tokens[i + 3]?.text === '}'
    ) {
      // inside a field, \url cannot print "%" or "#" (they are read before \url sees them): such an address is text
      const address = tokens[i + 2]?.text ?? '';
      if (/[%#]/.test(address.replace(/\\(?=[%#])/g, ''))) {
        out += address.replace(/\\(?=[%#])/g, '');
        changed = true;
        i += 3;
        continue;
      }
    }
    if (rule?.do !== 'rewrite') {
      out += token.text;
      continue;
    }
    const args: string[] = [];
    let j = i + 1;
    while (args.length < rule.args) {
      while (tokens[j]?.kind === 'text' && /^\s*$/.test(tokens[j]?.text ?? '')) j++;
      if (tokens[j]?.text !== '{') break;
      let level = 0;
      let arg = '';
      for (; j < tokens.length; j++) {
        const t = tokens[j] as { text: string; kind: string };
        if (t.kind === 'brace') level += t.text === '{' ? 1 : -1;
        arg += t.text;
        if (level === 0) break;
      }
      if (level !== 0) break;
      args.push(arg.slice(1, -1));
      j++;
    }
    if (args.length < rule.args) {
      out += token.text;
      continue;
    }
    out += rule.to.replace(/#(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
    changed = true;
    i = j - 1;
  }
  return changed ? rewriteCommands(out, target, depth + 1) : out;
}
