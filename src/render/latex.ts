/**
 * LaTeX: `\textbf{}` owner, `\textsuperscript{}` marks, every special character escaped so that no text from a .bib
 * file or arXiv can become a command (`\input`, `\write18`, `$`, `%`, `#`, braces…).
 */
import { latexForChar, pdflatexSets } from '../latex/latex.js';
import { isSafeUrl, type Formatter } from './formatter.js';
import type { IrStyle } from '../csl/ir.js';
import { lookupTable } from '../model/lookup-table.js';

const ESCAPES: Readonly<Record<string, string>> = lookupTable({
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': '\\textquotedbl{}',
  '\u00a0': '~',
  '\u2026': '\\ldots{}',
  '\u2013': '--',
  '\u2014': '---',
});

/** Plain text as LaTeX: specials escaped, characters pdflatex cannot typeset from UTF-8 written as LaTeX. */
export function escapeLatex(text: string): string {
  let out = '';
  for (const ch of text) {
    const special = ESCAPES[ch];
    if (special !== undefined) out += special;
    else if (!pdflatexSets(ch.codePointAt(0) ?? 0))
      out += latexForChar(ch) ?? `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`;
    else out += ch;
  }
  return out;
}

/** A URL inside `\url{}`/`\href{}`: hyperref needs `%`, `#`, `\`, braces and `~` escaped there. */
function escapeUrl(url: string): string {
  return url.replace(/[\\{}%#~^]/g, (ch) => `\\${ch === '~' ? 'string~' : ch === '^' ? 'string^' : ch}`);
}

const COMMANDS: Readonly<Record<IrStyle, string>> = {
  bold: '\\textbf{',
  italic: '\\textit{',
  sup: '\\textsuperscript{',
  sub: '\\textsubscript{',
  smallcaps: '\\textsc{',
  underline: '\\underline{',
  owner: '\\textbf{',
  ownerUnderline: '\\underline{',
};

export const latex: Formatter = {
  escape: escapeLatex,
  open: (style) => COMMANDS[style],
  close: () => '}',
  link: (url, content) => (isSafeUrl(url) ? `\\href{${escapeUrl(url)}}{${content}}` : content),
  mark: (symbol) => `\\textsuperscript{${escapeLatex(symbol)}}`,
  margin: (content) => `${content}~`,
  document(doc, entry) {
    const out: string[] = [];
    for (const section of doc.sections) {
      if (section.heading !== undefined) out.push(`\\subsection*{${escapeLatex(section.heading)}}`);
      out.push('\\begin{itemize}');
      for (const e of section.entries) out.push(`  \\item ${entry(e)}`);
      out.push('\\end{itemize}');
    }
    for (const [symbol, text] of doc.legend) {
      out.push(`\\par\\noindent\\textsuperscript{${escapeLatex(symbol)}}\\,${escapeLatex(text)}`);
    }
    const body = `${out.join('\n')}\n`;
    if (!doc.standalone) return body;
    return [
      '\\documentclass{article}',
      '\\usepackage[T1]{fontenc}',
      '\\usepackage[utf8]{inputenc}',
      '\\usepackage{lmodern}',
      '\\usepackage{textcomp}',
      '\\usepackage[hidelinks]{hyperref}',
      '\\begin{document}',
      `\\section*{${escapeLatex(doc.title ?? 'Publications')}}`,
      `${body}\\end{document}`,
      '',
    ].join('\n');
  },
};
