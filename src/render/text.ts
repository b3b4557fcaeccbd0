/** Plain text: no bold, marks as plain symbols after names, links as their text. */
import type { Formatter } from './formatter.js';

export const text: Formatter = {
  escape: (s) => s,
  open: () => '',
  close: () => '',
  link: (_url, content) => content,
  mark: (symbol) => symbol,
  margin: (label) => `${label} `,
  document(doc, entry) {
    const blocks: string[] = [];
    if (doc.standalone) blocks.push(doc.title ?? 'Publications');
    for (const section of doc.sections) {
      if (section.heading !== undefined) blocks.push(section.heading);
      for (const e of section.entries) blocks.push(entry(e));
    }
    for (const [symbol, label] of doc.legend) blocks.push(`${symbol} ${label}`);
    return `${blocks.join('\n\n')}\n`;
  },
};
