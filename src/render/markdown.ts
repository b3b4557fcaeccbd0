/**
 * Markdown that CommonMark, GFM, kramdown (Jekyll) and pandoc all read the same way: the owner in `**bold**`, marks
 * `\*` after names, every character that is markup in one of them escaped in a form all of them accept.
 *
 * - A backslash escape where all four accept it (`\*`, `\_`, `\[`, `\#`, `\|`, `\"`...); a numeric entity where one
 *   of them does not (kramdown shows `\&`, `\~`, `\$`, `\^`, `\@`, `\<` with the backslash): `&amp;`, `&#126;`,
 *   `&#36;`, `&#94;`, `&#64;`, `&lt;`, `&gt;`. `--` and `...` are escaped so that no smart-typography pass
 *   (kramdown, pandoc) turns them into dashes or an ellipsis.
 * - Emphasis: `**…**` only where CommonMark's flanking rules let it parse (`**Benton, J.**2025` does not: the closing
 *   `**` follows a period and precedes a digit); elsewhere the inline HTML `<strong>`/`<em>`, which all four read.
 *   The owner inside a style's own bold is `<u>`.
 * - A numeric label ("1.") makes the list an ordered list (`1. Kutasov…`), not a bullet followed by "1.".
 */
import { isSafeUrl, type Formatter } from './formatter.js';
import type { IrStyle } from '../csl/ir.js';
import { lookupTable } from '../model/lookup-table.js';

const ENTITY: Readonly<Record<string, string>> = lookupTable({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '~': '&#126;',
  $: '&#36;',
  '^': '&#94;',
  '@': '&#64;',
});

/** Characters that are markup somewhere in CommonMark, GFM, kramdown, pandoc or Liquid (`{{ }}`). */
const INLINE = /[\\`*_{}[\]#|"'!&<>~$^@]|-(?=-)|\.(?=\.\.)/g;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, (ch) => ENTITY[ch] ?? `\\${ch}`);
}

/** Escapes what would make the start of a list item another block (`1. `, `- `, `> `, `+ `, `= `, `: `). */
function escapeLineStart(text: string): string {
  return text.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=+:])/, '\\$1');
}

/** Placeholders for emphasis, decided once the whole entry is known (see resolveEmphasis). */
const EMPHASIS = ['bold', 'italic', 'owner', 'ownerUnderline'] as const;
type Emphasis = (typeof EMPHASIS)[number];
const OPEN_BASE = 0xe0f0;
const CLOSE_BASE = 0xe0f8;
const LABEL_OPEN = '\uE0FE';
const LABEL_CLOSE = '\uE0FF';

const TAGS: Readonly<Record<IrStyle, readonly [string, string]>> = {
  bold: ['', ''],
  italic: ['', ''],
  owner: ['', ''],
  ownerUnderline: ['', ''],
  sup: ['<sup>', '</sup>'],
  sub: ['<sub>', '</sub>'],
  smallcaps: ['', ''],
  underline: ['<u>', '</u>'],
};

function placeholder(style: IrStyle, close: boolean): string {
  const i = (EMPHASIS as readonly string[]).indexOf(style);
  if (i === -1) return (TAGS[style] as readonly [string, string])[close ? 1 : 0];
  return String.fromCharCode((close ? CLOSE_BASE : OPEN_BASE) + i);
}

const isOpen = (ch: string | undefined): boolean =>
  ch !== undefined && ch.charCodeAt(0) >= OPEN_BASE && ch.charCodeAt(0) < OPEN_BASE + EMPHASIS.length;
const isClose = (ch: string | undefined): boolean =>
  ch !== undefined && ch.charCodeAt(0) >= CLOSE_BASE && ch.charCodeAt(0) < CLOSE_BASE + EMPHASIS.length;
const styleOf = (ch: string): Emphasis => EMPHASIS[(ch.charCodeAt(0) - OPEN_BASE) % 8] as Emphasis;

/** CommonMark's punctuation: ASCII punctuation and Unicode P and S; placeholders become `*` or `<`. */
const isPunct = (ch: string | undefined): boolean =>
  ch !== undefined && (isOpen(ch) || isClose(ch) || /[\p{P}\p{S}]/u.test(ch));
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s|\u00a0/.test(ch);

/** Whether `**` (or `*`) around content from `from` to `to` parses as emphasis under CommonMark's flanking rules. */
function delimitersParse(s: string, from: number, to: number): boolean {
  const before = s[from - 1];
  const first = s[from + 1];
  const last = s[to - 1];
  const after = s[to + 1];
  if (isSpace(first) || isSpace(last) || from + 1 === to) return false;
  if (isOpen(before) || isClose(before) || isOpen(after) || isClose(after)) return false;
  const leftFlanking = !isPunct(first) || isSpace(before) || isPunct(before);
  const rightFlanking = !isPunct(last) || isSpace(after) || isPunct(after);
  return leftFlanking && rightFlanking;
}

const MARKS: Readonly<Record<Emphasis, readonly [string, string, string, string]>> = {
  // delimiter open, close; inline HTML open, close
  bold: ['**', '**', '<strong>', '</strong>'],
  owner: ['**', '**', '<strong>', '</strong>'],
  italic: ['*', '*', '<em>', '</em>'],
  ownerUnderline: ['<u>', '</u>', '<u>', '</u>'],
};

/** Turns the emphasis placeholders of an entry into delimiters that parse, or inline HTML. */
export function resolveEmphasis(entry: string): string {
  // a style's bold closed and reopened with nothing between (`**a****b**`) is one run; empty runs go
  let s = entry;
  for (let changed = true; changed;) {
    const next = s.replace(
      /([\uE0F8-\uE0FB])([\uE0F0-\uE0F3])|([\uE0F0-\uE0F3])([\uE0F8-\uE0FB])/g,
      (m, c, o, o2, c2) => {
        const [a, b] = c !== undefined ? [o as string, c as string] : [o2 as string, c2 as string];
        return styleOf(a) === styleOf(b) ? '' : m;
      },
    );
    changed = next !== s;
    s = next;
  }
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isOpen(s[i])) stack.push(i);
    else if (isClose(s[i])) {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, i);
    }
  }
  // bold inside bold (a style that bolds the list, each name and each family name) is bold once
  const weight = (ch: string): string => (styleOf(ch) === 'owner' ? 'bold' : styleOf(ch));
  const redundant = new Set<number>();
  for (const [open, close] of pairs) {
    for (const [outer, outerClose] of pairs) {
      if (outer < open && close < outerClose && weight(s[outer] as string) === weight(s[open] as string)) {
        redundant.add(open).add(close);
        break;
      }
    }
  }
  for (const i of redundant) pairs.delete(i);
  const replacement = new Map<number, string>();
  // without the redundant pairs, so that their places do not count as neighbours of the others
  let kept = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (redundant.has(i)) continue;
    at[i] = kept.length;
    kept += s[i];
  }
  for (const [open, close] of pairs) {
    const marks = MARKS[styleOf(s[open] as string)];
    const delimiters = delimitersParse(kept, at[open] as number, at[close] as number);
    replacement.set(open, delimiters ? marks[0] : marks[2]);
    replacement.set(close, delimiters ? marks[1] : marks[3]);
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    out += isOpen(ch) || isClose(ch) ? (replacement.get(i) ?? '') : ch;
  }
  return out;
}

/** An entry's list item: an ordered item when its label is a number ("1."), else a bullet with the label. */
function listItem(rendered: string): { ordered: boolean; line: string } {
  let body = resolveEmphasis(rendered);
  const label = new RegExp(`^${LABEL_OPEN}([\\s\\S]*?)${LABEL_CLOSE}\\s*`).exec(body);
  // a label inside the entry (names, then the year in the label column) is a word of its own
  const inline = (text: string): string =>
    text.replace(new RegExp(`${LABEL_OPEN}([\\s\\S]*?)${LABEL_CLOSE}\\s*`, 'g'), '$1 ').replace(/ {2,}/g, ' ');
  if (label) {
    body = inline(body.slice(label[0].length));
    const text = (label[1] ?? '').trim();
    const number = /^(\d+)\\?\.$/.exec(text);
    if (number) return { ordered: true, line: `${number[1]}. ${escapeLineStart(body)}` };
    // "1)" and other labels stay text: escaped so that they start no list of their own
    return { ordered: false, line: `- ${escapeLineStart(text)} ${body}` };
  }
  return { ordered: false, line: `- ${escapeLineStart(inline(body))}` };
}

/** One entry as inline Markdown, outside any list (data for site generators): emphasis resolved, labels as words. */
export function markdownInline(rendered: string): string {
  return resolveEmphasis(rendered)
    .replace(new RegExp(`${LABEL_OPEN}([\\s\\S]*?)${LABEL_CLOSE}\\s*`, 'g'), '$1 ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export const markdown: Formatter = {
  escape: escapeMarkdown,
  open: (style) => placeholder(style, false),
  close: (style) => placeholder(style, true),
  link: (url, content) => {
    if (!isSafeUrl(url)) return content;
    const target = url.replace(/[<>\s\\]/g, encodeURIComponent);
    // a URL printed as itself is an autolink: `[https://…](<https://…>)` is a link inside a link for GFM
    if (content === escapeMarkdown(url)) return `<${target}>`;
    return `[${content}](<${target}>)`;
  },
  mark: (symbol) => escapeMarkdown(symbol),
  margin: (content) => `${LABEL_OPEN}${content}${LABEL_CLOSE}`,
  document(doc, entry) {
    const out: string[] = [];
    for (const section of doc.sections) {
      if (section.heading !== undefined) out.push(`## ${escapeMarkdown(section.heading)}`, '');
      for (const e of section.entries) out.push(listItem(entry(e)).line);
      out.push('');
    }
    for (const [symbol, text] of doc.legend) out.push(`${escapeMarkdown(symbol)} ${escapeMarkdown(text)}`);
    if (doc.legend.length === 0) out.pop();
    const body = `${out.join('\n')}\n`;
    return doc.standalone ? `# ${escapeMarkdown(doc.title ?? 'Publications')}\n\n${body}` : body;
  },
};
