/** HTML: `<strong>` for the owner, `<sup>` marks, every text escaped; a fragment, or a whole page. */
import { isSafeUrl, type Formatter } from './formatter.js';
import type { IrStyle } from '../csl/ir.js';
import { lookupTable } from '../model/lookup-table.js';

const ESCAPES: Readonly<Record<string, string>> = lookupTable({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

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
  owner: ['<strong class="bibfolio-owner">', '</strong>'],
  ownerUnderline: ['<u class="bibfolio-owner">', '</u>'],
};

/** The legend lines of the marks used ("* Equal contribution"). */
export function legendHtml(legend: ReadonlyArray<readonly [string, string]>): string[] {
  return legend.map(
    ([symbol, text]) => `<p class="bibfolio-legend"><sup>${escapeHtml(symbol)}</sup> ${escapeHtml(text)}</p>`,
  );
}

/** A whole page's first lines, up to its title: doctype, language, charset, viewport. */
export function pageStart(lang: string, title: string, dir: 'ltr' | 'rtl' = 'ltr'): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"${dir === 'rtl' ? ' dir="rtl"' : ''}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
  ];
}

const NUMBER_LABEL = /^<span class="bibfolio-label">(\d+)\.<\/span> /;

export const html: Formatter = {
  escape: escapeHtml,
  open: (style) => TAGS[style][0],
  close: (style) => TAGS[style][1],
  link: (url, content) => (isSafeUrl(url) ? `<a href="${escapeHtml(url)}">${content}</a>` : content),
  mark: (symbol) => `<sup class="bibfolio-mark">${escapeHtml(symbol)}</sup>`,
  margin: (content) => `<span class="bibfolio-label">${content.trim()}</span> `,
  document(doc, entry) {
    const parts: string[] = [];
    for (const section of doc.sections) {
      if (section.heading !== undefined) parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
      const items = section.entries.map((e) => entry(e));
      // numeric labels ("1.") make an ordered list that keeps the numbers, not a bullet followed by "1."
      const numbered = items.map((item) => NUMBER_LABEL.exec(item));
      if (items.length > 0 && numbered.every(Boolean)) {
        parts.push('<ol class="bibfolio-list">');
        numbered.forEach((m, i) =>
          parts.push(`  <li value="${m?.[1]}">${(items[i] as string).slice(m?.[0].length)}</li>`),
        );
        parts.push('</ol>');
      } else {
        parts.push('<ul class="bibfolio-list">');
        for (const item of items) parts.push(`  <li>${item}</li>`);
        parts.push('</ul>');
      }
    }
    parts.push(...legendHtml(doc.legend));
    const body = `<section class="bibfolio">\n${parts.join('\n')}\n</section>\n`;
    if (!doc.standalone) return body;
    const title = escapeHtml(doc.title ?? 'Publications');
    return [
      ...pageStart(doc.lang, doc.title ?? 'Publications'),
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
