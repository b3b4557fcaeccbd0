/**
 * The Markdown lists read the same in every renderer a researcher's website uses: CommonMark (markdown-it), GitHub
 * (pandoc -f gfm), pandoc's own Markdown, and kramdown (Jekyll, al-folio). Each renderer's HTML is compared, item by
 * item, with bibfolio's HTML output of the same list: the same visible text, the owner in bold (or underlined), the
 * same links. The lists: the embedded store in four styles, and a store of hostile text.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import { embeddedItems, fixture, itemsOf, render } from '../helpers.js';

const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args).status === 0;

type Renderer = (markdown: string) => string;

const pandoc =
  (from: string): Renderer =>
  (markdown) => {
    const run = spawnSync('pandoc', ['-f', from, '-t', 'html'], { input: markdown, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout;
  };

const RENDERERS: ReadonlyArray<readonly [string, Renderer | undefined]> = [
  ['CommonMark (markdown-it)', (md) => new MarkdownIt({ html: true }).render(md)],
  ['GFM (pandoc -f gfm)', has('pandoc', ['--version']) ? pandoc('gfm') : undefined],
  ['pandoc Markdown', has('pandoc', ['--version']) ? pandoc('markdown') : undefined],
  [
    'kramdown (Jekyll)',
    has('ruby', ['-rkramdown', '-e', '0'])
      ? (md) => {
          const run = spawnSync('ruby', ['-rkramdown', '-e', 'print Kramdown::Document.new($stdin.read).to_html'], {
            input: md,
            encoding: 'utf8',
          });
          if (run.status !== 0) throw new Error(run.stderr);
          return run.stdout;
        }
      : undefined,
  ],
];

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

interface Item {
  readonly text: string;
  readonly bold: readonly string[];
  readonly links: readonly string[];
}

/** The list items of an HTML document: visible text, emphasised runs, link targets. */
function items(html: string): Item[] {
  return [...html.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((m) => {
    const inner = m[1] ?? '';
    const visible = (s: string): string =>
      decode(s.replace(/<[^>]+>/g, ''))
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
    return {
      text: visible(inner),
      bold: [...inner.matchAll(/<(strong|u)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((b) => visible(b[2] ?? '')),
      links: [...inner.matchAll(/href="([^"]*)"/g)].map((l) => decode(l[1] ?? '')),
    };
  });
}

const LISTS: ReadonlyArray<readonly [string, () => { markdown: string; html: string }]> = [
  ...(['cv', 'apa', 'vancouver', 'harvard1'] as const).map(
    (style) =>
      [
        `the embedded store in ${style}`,
        () => {
          const options = { style: loadStyle(style), linkTitles: true };
          return {
            markdown: render(embeddedItems(), 'markdown', options),
            html: render(embeddedItems(), 'html', options),
          };
        },
      ] as const,
  ),
  [
    'hostile text',
    () => {
      const hostile = itemsOf(readFileSync(fixture('bib/hostile-title-and-author.bib'), 'utf8'));
      const markup = itemsOf(
        '@misc{m, title = {Stars *a* _b_ `c` [d](e) <i>x</i> # | ~ $ & ^ @key -- ... {{ liquid }} "quotes" \'apostrophes\'}, author = {Joe Benton}, year = 2024, url = {https://example.org/a_b~c?x=1&y=2}}',
      );
      const all = [...hostile, ...markup];
      return {
        markdown: render(all, 'markdown', { linkTitles: true }),
        html: render(all, 'html', { linkTitles: true }),
      };
    },
  ],
];

describe('Markdown read by real renderers', () => {
  for (const [name, renderer] of RENDERERS) {
    describe.skipIf(renderer === undefined)(name, () => {
      it.each(LISTS)('%s: same text, owner, marks and links as the HTML output', (_list, make) => {
        const { markdown, html } = make();
        const expected = items(html);
        const actual = items((renderer as Renderer)(markdown));
        expect(actual.map((i) => i.text)).toEqual(expected.map((i) => i.text));
        actual.forEach((item, i) => {
          const want = expected[i] as Item;
          for (const bold of want.bold) expect(item.bold.some((b) => b.includes(bold) || bold.includes(b))).toBe(true);
          expect(item.links).toEqual(want.links);
        });
      });
    });
  }
});
