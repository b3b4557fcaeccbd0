/** The symbol tables the LaTeX reader (latex/read.ts) consults: what citation-js reads itself, and what it needs escaped. */
import {
  commands as citationJsCommands,
  formattingCommands,
  formattingEnvs,
} from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { load as unicode2latex } from '../vendor/unicode2latex.js';
import { OWN_COMMANDS } from './read-tables.js';
import { lookupTable } from '../model/lookup-table.js';

type ReadTable = Readonly<Record<string, string | { readonly text?: string; readonly math?: string }>>;
const table = (): ReadTable => unicode2latex().latex2unicode as unknown as ReadTable;

/** Accent commands citation-js reads itself (`\"a`, `\v{s}`, `\c c`). */
export const ACCENTS = new Set([
  '`',
  "'",
  '^',
  '"',
  '~',
  '=',
  '.',
  'u',
  'v',
  'H',
  'c',
  'd',
  'b',
  'k',
  'r',
  't',
  'G',
  'textcommabelow',
]);
/** Formatting commands that take an argument (`\textit{…}`). */
export const FORMATTING = new Set(Object.keys(formattingCommands as object));
/** Control words citation-js handles: formatting, its text symbols, special letters. */
export const CITATION_JS = new Set([
  ...Object.keys(formattingCommands as object),
  ...Object.keys(formattingEnvs as object),
  ...Object.keys(citationJsCommands as object),
  'nocase',
  'noopsort',
]);

/** Characters citation-js would take for markup, escaped so it reads them as themselves. */
export const ESCAPED: Readonly<Record<string, string>> = lookupTable({
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\\': '\\textbackslash{}',
});

export function escapeForCitationJs(text: string): string {
  return text.replace(/[$%&#_{}~^\\]/g, (ch) => ESCAPED[ch] ?? ch);
}

export function tableText(command: string, math: boolean): string | undefined {
  const entry = table()[command];
  if (typeof entry === 'string') return entry;
  return math ? (entry?.math ?? entry?.text) : (entry?.text ?? entry?.math);
}

/** A symbol command's text: bibfolio's own table, then unicode2latex's; undefined when unknown. */
export function symbolText(name: string, math: boolean): string | undefined {
  const own = OWN_COMMANDS[name];
  if (own !== undefined) return own;
  const text = tableText(`\\${name}`, math);
  // combining accents are citation-js's business; a letter-less control is not a symbol
  if (text === undefined || /^\p{M}+$/u.test(text)) return undefined;
  return text.replace(/\u200b/g, '');
}
