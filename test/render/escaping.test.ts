/**
 * Text from a .bib file (or arXiv) must show as itself in every format and never become HTML, Markdown or LaTeX
 * markup. Each format's output is turned back into visible text and compared with the plain-text output.
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeLatex } from '../../src/render/latex.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { fixture, itemsOf, render } from '../helpers.js';

const items = itemsOf(readFileSync(fixture('bib/hostile-title-and-author.bib'), 'utf8'));
const visibleText = render(items, 'text').trim();

function visibleHtml(html: string): string {
  const inner = /<li>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '';
  return inner
    .replace(/<\/?(strong|sup|sub|i|a)\b[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a CommonMark renderer (markdown-it) shows of the first list item. */
function visibleMarkdown(md: string): string {
  return visibleHtml(new MarkdownIt({ html: true }).render(md)).replace(/&#(\d+);/g, (_m, n: string) =>
    String.fromCodePoint(Number(n)),
  );
}

function visibleLatex(tex: string): string {
  const item = /\\item (.*)/.exec(tex)?.[1] ?? '';
  return item
    .replace(/\\textbf\{([^}]*)\}/g, '$1')
    .replace(/\$_\{1\}\$/g, '₁') // pdflatex cannot set U+2081 from UTF-8: it is written as math
    .replace(/\\textless\{\}/g, '<')
    .replace(/\\textgreater\{\}/g, '>')
    .replace(/\\textbackslash\{\}/g, '\\')
    .replace(/\\textasciitilde\{\}/g, '~')
    .replace(/\\textasciicircum\{\}/g, '^')
    .replace(/\\textbar\{\}/g, '|')
    .replace(/\\textquotedbl\{\}/g, '"')
    .replace(/\\([{}$&#_%])/g, '$1');
}

describe('escaping', () => {
  it('keeps the hostile title and name as visible text in plain text', () => {
    expect(visibleText).toContain('Attacks on <script>alert(1)</script> & 50% of x₁ models.');
    expect(visibleText).toContain('O’Brien_x, Joe Benton.');
  });

  it('HTML shows the same text and holds no injected element or link', () => {
    const html = render(items, 'html', { linkTitles: true });
    expect(visibleHtml(html)).toBe(visibleText);
    expect(html).not.toMatch(/<script|<i>Injected|<a\b|href="javascript|onclick/i);
  });

  it('Markdown shows the same text and holds no markup from the data', () => {
    const md = render(items, 'markdown', { linkTitles: true });
    expect(visibleMarkdown(md)).toBe(visibleText);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\*\\*Markdown\\*\\*');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
  });

  it('LaTeX shows the same text and holds no command from the data', () => {
    const tex = render(items, 'latex', { linkTitles: true });
    expect(visibleLatex(tex)).toBe(visibleText);
    const commands = [...tex.matchAll(/\\([A-Za-z]+)/g)].map((m) => m[1]);
    expect(new Set(commands)).toEqual(new Set(['begin', 'item', 'textless', 'textgreater', 'textbf', 'end']));
  });

  it('escapes every LaTeX special character', () => {
    expect(escapeLatex('\\input{/etc/passwd} \\write18 $ & # ^ _ % ~')).toBe(
      '\\textbackslash{}input\\{/etc/passwd\\} \\textbackslash{}write18 \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}',
    );
  });

  it('escapes Markdown markup characters in forms CommonMark, GFM, kramdown and pandoc all accept', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <f> # | ~ $ & ^ @ -- ...')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) &lt;f&gt; \\# \\| &#126; &#36; &amp; &#94; &#64; \\-- \\...',
    );
  });

  it('JSON output carries the text as it was', () => {
    const json = JSON.parse(render(items, 'json')) as Array<{ title: string }>;
    expect(json[0]?.title).toBe('Attacks on <script>alert(1)</script> & 50% of x₁ models');
  });
});
