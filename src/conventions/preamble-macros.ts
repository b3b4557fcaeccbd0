/**
 * Commands a store defines for itself in `@preamble` (`\providecommand{\noopsort}[1]{}`, `\newcommand{\SortNoop}[1]{}`,
 * `\def\mnras{MNRAS}`), read so that a list shows what the document would print. The sorting macros the BibTeX world
 * uses (`\noopsort{marez}` to sort "de Marez" under M) print nothing even when the store does not define them. Only
 * definitions whose body is text (and `#1`…`#9`) are read; anything else stays the command it was. Pure.
 */
import type { ScanResult } from '../model/syntax.js';
import { resolveValue } from '../store/values.js';

export interface MacroDefinition {
  /** How many arguments it takes. */
  readonly args: number;
  /** What it prints, `#n` for the nth argument. */
  readonly body: string;
}

export type Macros = ReadonlyMap<string, MacroDefinition>;

/** Sorting macros: one argument, printed as nothing (BibTeX sorts by the argument). */
const SORTING_MACROS: readonly string[] = ['noopsort', 'NOOPSORT', 'SortNoop', 'sortnoop', 'noop', 'NOOP', 'nosort'];

export const DEFAULT_MACROS: Macros = new Map(SORTING_MACROS.map((name) => [name, { args: 1, body: '' }]));

/** The balanced `{…}` group starting at `at` (which holds `{`): its inner text and the index after it. */
function group(text: string, at: number): { readonly inner: string; readonly end: number } | undefined {
  if (text[at] !== '{') return undefined;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return { inner: text.slice(at + 1, i), end: i + 1 };
  }
  return undefined;
}

const DEFINITION =
  /\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?:\[(\d)\])?\s*/g;
const DEF = /\\[egx]?def\s*\\([A-Za-z]+)((?:#\d)*)\s*/g;

/** A body this reader can print: text, `#n`, braces, and accent or character commands (no definitions, no I/O). */
function printable(body: string): boolean {
  return !/\\(?:def|edef|gdef|xdef|let|newcommand|renewcommand|providecommand|input|include|write|immediate|openout|catcode|csname|expandafter|ifx?|else|fi)\b/.test(
    body,
  );
}

/** The text of each `@preamble` block of a scanned store, its `@string` macros resolved. */
export function preambleTexts(scan: ScanResult, strings: ReadonlyMap<string, string> = new Map()): string[] {
  return scan.blocks.flatMap((b) => (b.kind === 'preamble' ? [resolveValue(b.parts, strings).text] : []));
}

/** The text definitions of a store's preambles, over the defaults (a store may redefine `\noop`). */
export function preambleMacros(preambles: readonly string[]): Macros {
  const macros = new Map(DEFAULT_MACROS);
  for (const text of preambles) {
    for (const m of text.matchAll(DEFINITION)) {
      const name = m[1] ?? m[2] ?? '';
      const body = group(text, m.index + m[0].length);
      if (body && printable(body.inner)) macros.set(name, { args: Number(m[3] ?? 0), body: body.inner });
    }
    for (const m of text.matchAll(DEF)) {
      const body = group(text, m.index + m[0].length);
      if (body && printable(body.inner)) macros.set(m[1] ?? '', { args: (m[2] ?? '').length / 2, body: body.inner });
    }
  }
  return macros;
}

const USE = /\\([A-Za-z]+)(?![A-Za-z])\s*/.source;

/** The value with each defined command replaced by what it prints (nested uses too, a few levels deep). */
export function expandMacros(value: string, macros: Macros, depth = 0): string {
  if (depth > 4 || !value.includes('\\')) return value;
  let out = '';
  let last = 0;
  let changed = false;
  const use = new RegExp(USE, 'g');
  for (let m = use.exec(value); m; m = use.exec(value)) {
    const definition = macros.get(m[1] ?? '');
    if (!definition || (m.index > 0 && value[m.index - 1] === '\\')) continue;
    let at = m.index + m[0].length;
    const args: string[] = [];
    for (let k = 0; k < definition.args; k++) {
      const arg = group(value, at);
      if (!arg) break;
      args.push(arg.inner);
      at = arg.end;
      while (value[at] === ' ') at++;
    }
    if (args.length < definition.args) continue;
    out += value.slice(last, m.index) + definition.body.replace(/#(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
    // as TeX reads it: a control word swallows the spaces after it
    last = definition.args > 0 ? at : m.index + m[0].length;
    use.lastIndex = last;
    changed = true;
  }
  if (!changed) return value;
  return expandMacros(out + value.slice(last), macros, depth + 1);
}
