/**
 * Markdown (CommonMark, GitHub-flavoured): `**bold**` owner, `\*` marks after names, and every character that could
 * start markup backslash-escaped (CommonMark allows a backslash before any ASCII punctuation).
 */
import { isSafeUrl, type Formatter } from './formatter.js';
import type { IrStyle } from './ir.js';

/**
 * Characters that are markup somewhere in CommonMark or GFM (emphasis, links, code, HTML, entities, headings, tables,
 * strikethrough, math) or in Liquid templates (`{{ }}`). Parentheses and `!` need no escape once `[` `]` are escaped.
 */
const INLINE = /[\\`*_{}[\]<>#|~$&]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, (ch) => `\\${ch}`);
}

/** Escapes what would make the start of a list item another block (`1. `, `- `, `> `). */
function escapeLineStart(text: string): string {
  return text.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=+])/, '\\$1');
}

const MARKS: Readonly<Record<IrStyle, string>> = {
  bold: '**',
  italic: '*',
  sup: '<sup>',
  sub: '<sub>',
  smallcaps: '',
  underline: '',
};
const CLOSE_MARKS: Readonly<Record<IrStyle, string>> = { ...MARKS, sup: '</sup>', sub: '</sub>' };

export const markdown: Formatter = {
  escape: escapeMarkdown,
  open: (style) => MARKS[style],
  close: (style) => CLOSE_MARKS[style],
  link: (url, content) =>
    isSafeUrl(url) ? `[${content}](<${url.replace(/[<>\s\\]/g, encodeURIComponent)}>)` : content,
  mark: (symbol) => escapeMarkdown(symbol),
  margin: (text) => `${escapeMarkdown(text)} `,
  document(doc, entry) {
    const out: string[] = [];
    for (const section of doc.sections) {
      if (section.heading !== undefined) out.push(`## ${escapeMarkdown(section.heading)}`, '');
      for (const e of section.entries) out.push(`- ${escapeLineStart(entry(e))}`);
      out.push('');
    }
    for (const [symbol, text] of doc.legend) out.push(`${escapeMarkdown(symbol)} ${escapeMarkdown(text)}`);
    if (doc.legend.length === 0) out.pop();
    const body = `${out.join('\n')}\n`;
    return doc.standalone ? `# ${escapeMarkdown(doc.title ?? 'Publications')}\n\n${body}` : body;
  },
};
