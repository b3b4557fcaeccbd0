/** HTML: `<strong>` for the owner, `<sup>` marks, every text escaped; a fragment, or a whole page. */
import { isSafeUrl, type Formatter } from './formatter.js';
import type { IrStyle } from './ir.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const TAGS: Readonly<Record<IrStyle, readonly [string, string]>> = {
  bold: ['<strong>', '</strong>'],
  italic: ['<i>', '</i>'],
  sup: ['<sup>', '</sup>'],
  sub: ['<sub>', '</sub>'],
  smallcaps: ['<span style="font-variant:small-caps">', '</span>'],
  underline: ['<u>', '</u>'],
};

export const html: Formatter = {
  escape: escapeHtml,
  open: (style) => TAGS[style][0],
  close: (style) => TAGS[style][1],
  link: (url, content) => (isSafeUrl(url) ? `<a href="${escapeHtml(url)}">${content}</a>` : content),
  mark: (symbol) => `<sup class="bibfolio-mark">${escapeHtml(symbol)}</sup>`,
  margin: (text) => `<span class="bibfolio-label">${escapeHtml(text)}</span> `,
  document(doc, entry) {
    const parts: string[] = [];
    for (const section of doc.sections) {
      if (section.heading !== undefined) parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
      parts.push('<ul class="bibfolio-list">');
      for (const e of section.entries) parts.push(`  <li>${entry(e)}</li>`);
      parts.push('</ul>');
    }
    for (const [symbol, text] of doc.legend) {
      parts.push(`<p class="bibfolio-legend"><sup>${escapeHtml(symbol)}</sup> ${escapeHtml(text)}</p>`);
    }
    const body = `<section class="bibfolio">\n${parts.join('\n')}\n</section>\n`;
    if (!doc.standalone) return body;
    const title = escapeHtml(doc.title ?? 'Publications');
    return [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(doc.lang)}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${title}</title>`,
      '<style>body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45}' +
        '.bibfolio-list{padding-left:1.2rem}.bibfolio-list li{margin:.5rem 0}.bibfolio-legend{font-size:.9em}</style>',
      '</head>',
      '<body>',
      `<h1>${title}</h1>`,
      body + '</body>',
      '</html>',
      '',
    ].join('\n');
  },
};
