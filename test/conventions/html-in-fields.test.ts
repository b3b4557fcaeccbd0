/**
 * Convention: site generators' stores hold HTML (`<i>Drosophila</i>` in a title, `&#58;` for a colon, `<b>Ming*</b>`
 * in a name). Inline formatting is rendered as the same formatting in every output; other tags are dropped; character
 * references are decoded; nothing becomes live HTML.
 */
import { describe, expect, it } from 'vitest';
import { decodeReferences, htmlToLatex, stripHtml } from '../../src/conventions/html-markup.js';
import { itemsOf, render } from '../helpers.js';

const STORE = String.raw`@article{html-title,
  title = {Dynamic <i>in vivo</em> imaging of <em>Drosophila</em> H<sub>2</sub>O and x<sup>2</sup>&#58; a study},
  author = {<b>Benton*</b>, <b>Joe</b> and Ming, Di},
  journal = {Nature &amp; Science},
  year = {2022},
}
@article{html-hostile,
  title = {A <script>alert(1)</script> <img src=x onerror=alert(1)> title},
  author = {Benton, Joe},
  journal = {J},
  year = {2022},
}
`;

describe('HTML in fields', () => {
  it('inline tags become LaTeX formatting, other tags go, references are decoded', () => {
    expect(htmlToLatex('<i>in vivo</i> and <strong>bold</strong>')).toBe('\\textit{in vivo} and \\textbf{bold}');
    expect(htmlToLatex('H<sub>2</sub>O')).toBe('H\\textsubscript{2}O');
    expect(htmlToLatex('<span class="x">kept</span> text')).toBe('kept text');
    expect(htmlToLatex('<i>mismatched</em> tags')).toBe('\\textit{mismatched} tags');
    expect(htmlToLatex('<span style="font-variant:small-caps">Sc</span> x')).toBe('\\textsc{Sc} x');
    expect(htmlToLatex('x &lt; y')).toBe('x < y');
    expect(htmlToLatex('A&#58; B &amp; C')).toBe('A: B \\& C');
    expect(htmlToLatex('a <x> b')).toBe('a <x> b');
    expect(decodeReferences('A&A &#x3A; &bogus;')).toBe('A&A : &bogus;');
    expect(stripHtml('<b>Ming*</b>')).toBe('Ming*');
  });

  it('is rendered as formatting in HTML, Markdown and LaTeX, never as tags', () => {
    const items = itemsOf(STORE);
    const html = render(items, 'html');
    expect(html).toContain('Dynamic <i>in vivo</i> imaging of <i>Drosophila</i>');
    expect(html).toContain('H<sub>2</sub>O');
    expect(html).toContain('x<sup>2</sup>: a study');
    expect(html).toContain('Nature &amp; Science');
    expect(html).not.toMatch(/&lt;\/?(?:i|em|sub|sup|b)&gt;|&amp;#58;/);
    expect(html).toContain('<strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>');
    const md = render(items, 'markdown');
    expect(md).toContain('*Drosophila*');
    expect(md).not.toMatch(/<\/?(?:i|em)>/);
    const tex = render(items, 'latex');
    expect(tex).toContain('\\textit{Drosophila}');
  });

  it('a hostile tag is text at most, never live HTML', () => {
    const html = render(itemsOf(STORE), 'html');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
  });
});
