import { describe, expect, it } from 'vitest';
import { ROMANESQUE, STARTS_ROMANESQUE } from '../../src/csl/authors.js';
import { loadStyle } from '../../src/csl/registry.js';
import { load as citeproc } from '../../src/vendor/citeproc.js';
import { OwnerMatcher } from '../../src/model/names.js';
import { embeddedItems, itemsOf, JOE, render } from '../helpers.js';

const STYLES = {
  cv: 'Joe Benton',
  apa: 'Benton, J.',
  vancouver: 'Benton J',
  harvard1: 'Benton, J.',
} as const;

describe('the owner in bold', () => {
  const items = embeddedItems();
  for (const [style, name] of Object.entries(STYLES)) {
    it(`bolds the whole name "${name}" once in every entry of the embedded store (${style})`, () => {
      const options = { style: loadStyle(style) };
      const html = render(items, 'html', options);
      const entries = html.split(/<li[ >]/).slice(1);
      expect(entries).toHaveLength(16);
      for (const entry of entries) {
        expect(entry.match(/<strong\b/g)).toHaveLength(1);
        expect(entry).toContain(`<strong class="bibfolio-owner">${name}</strong>`);
      }
      const md = render(items, 'markdown', options);
      expect(
        md
          .split('\n')
          .filter((l) => l.startsWith('- '))
          .every((l) => l.includes(`**${name}**`)),
      ).toBe(true);
      const tex = render(items, 'latex', options);
      expect(
        tex
          .split('\\item')
          .slice(1)
          .every((e) => e.includes(`\\textbf{${name}}`)),
      ).toBe(true);
      expect(render(items, 'text', options)).not.toMatch(/\*\*|<strong>|\\textbf/);
    });
  }

  it('never bolds a namesake, and bolds the owner written with initials', () => {
    const items = itemsOf(
      '@misc{k, title = {T}, year = 2020, author = {Benton, Jane and Benton, J. and Bentón, Joseph}}',
    );
    expect(render(items, 'markdown')).toContain('Jane Benton, **J. Benton**, Joseph Bentón.');
  });

  it('matches accents folded: an owner configured without accents', () => {
    const kamelia = new OwnerMatcher([{ family: 'Daudel', given: 'Kamelia' }]);
    const md = render(embeddedItems(), 'markdown', { owner: kamelia });
    expect(md).toContain('**Kamélia Daudel**, Joe Benton\\*, Yuyang Shi\\*');
  });

  it('bolds an owner whose given name ends in a lower-case word, as the style prints it unmarked (La Fontaine, Jean de)', () => {
    // citeproc-js reads a trailing lower-case word of a given name as a particle; splitting it off the marked name
    // printed the markup as text: `&lt;sup&gt;Jean de&lt;/sup&gt;`
    const items = itemsOf('@misc{k, title = {T}, year = 2020, author = {La Fontaine, Jean de and Chau, Siu Lun}}');
    const jean = new OwnerMatcher([{ family: 'La Fontaine', given: 'Jean' }]);
    const cv = render(items, 'html', { owner: jean });
    expect(cv).toContain('<strong class="bibfolio-owner">Jean de La Fontaine</strong>, Siu Lun Chau');
    const apa = render(items, 'html', { owner: jean, style: loadStyle('apa') });
    expect(apa).toContain('<strong class="bibfolio-owner">La Fontaine, J. de</strong>, &amp; Chau, S. L.');
    for (const html of [cv, apa]) expect(html).not.toContain('&lt;');
  });

  it('marks a co-author whose given name holds a stray parenthesis (a note pasted into the list)', () => {
    const items = itemsOf(
      '@misc{k, title = {T}, year = 2020, author = {Chau*, Siu Lun and Sejdinovic, Dino (* denotes cofirst)}}',
    );
    const siu = new OwnerMatcher([{ family: 'Chau', given: 'Siu Lun' }]);
    const cv = render(items, 'html', { owner: siu });
    expect(cv).toContain('Dino ( denotes cofirst) Sejdinovic<sup class="bibfolio-mark">*</sup>');
    expect(cv).not.toContain('&lt;');
  });

  it('prints a Japanese owner family name first without a space, as citeproc-js prints the co-authors (森下皓文)', () => {
    const items = itemsOf('@misc{k, title = {T}, year = 2020, author = {森下, 皓文 and 森尾*, 学}}');
    const owner = new OwnerMatcher([{ family: '森下', given: '皓文' }]);
    for (const style of ['cv', 'apa']) {
      const html = render(items, 'html', { owner, style: loadStyle(style) });
      expect(html).toContain('<strong class="bibfolio-owner">森下皓文</strong>');
      expect(html).toContain('森尾学<sup class="bibfolio-mark">*</sup>');
    }
  });

  it("tests a name's script with citeproc-js's own patterns", () => {
    const CSL = citeproc() as unknown as Record<string, RegExp>;
    expect(ROMANESQUE.source).toBe(CSL.ROMANESQUE_REGEXP?.source);
    expect(STARTS_ROMANESQUE.source).toBe(CSL.STARTSWITH_ROMANESQUE_REGEXP?.source);
  });

  it('bolds nobody without an owner, or with bold turned off', () => {
    const items = embeddedItems();
    const { owner: _ignored, ...withoutOwner } = { owner: JOE };
    expect(render(items, 'html', { ...withoutOwner, owner: undefined })).not.toContain('<strong');
    expect(render(items, 'html', { boldOwner: false })).not.toContain('<strong');
  });
});

describe('equal contribution', () => {
  const alpha = embeddedItems().filter((i) => i.id === 'daudel2023alpha');

  it('puts the mark after the whole name, with one legend line, in every format', () => {
    expect(render(alpha, 'markdown')).toBe(
      '- Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. ' +
        'Kamélia Daudel, **Joe Benton**\\*, Yuyang Shi\\*, Arnaud Doucet. Journal of Machine Learning Research, 24(243):1–83, 2023.\n\n' +
        '\\* Equal contribution\n',
    );
    const html = render(alpha, 'html');
    expect(html).toContain(
      'Kamélia Daudel, <strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>, Yuyang Shi<sup class="bibfolio-mark">*</sup>, Arnaud Doucet.',
    );
    expect(html.match(/bibfolio-legend/g)).toHaveLength(1);
    expect(render(alpha, 'latex')).toContain(
      '\\textbf{Joe Benton}\\textsuperscript{*}, Yuyang Shi\\textsuperscript{*}, Arnaud Doucet',
    );
    expect(render(alpha, 'text')).toContain('Kamélia Daudel, Joe Benton*, Yuyang Shi*, Arnaud Doucet.');
  });

  it('marks whole names in family-first styles', () => {
    expect(render(alpha, 'html', { style: loadStyle('apa') })).toContain(
      'Daudel, K., <strong class="bibfolio-owner">Benton, J.</strong><sup class="bibfolio-mark">*</sup>, Shi, Y.<sup class="bibfolio-mark">*</sup>, &amp; Doucet, A.',
    );
    expect(render(alpha, 'markdown', { style: loadStyle('vancouver') })).toContain(
      'Daudel K, **Benton J**\\*, Shi Y\\*, Doucet A.',
    );
  });

  it('prints no legend when no entry uses a mark', () => {
    const others = embeddedItems().filter((i) => i.id !== 'daudel2023alpha');
    expect(render(others, 'markdown')).not.toContain('Equal contribution');
    expect(render(others, 'html')).not.toContain('bibfolio-legend');
  });

  it('uses the configured symbol', () => {
    expect(render(alpha, 'text', { annotations: { equal: { symbol: '†', legend: 'Joint first authors' } } })).toMatch(
      /Joe Benton†, Yuyang Shi†[\s\S]*† Joint first authors/,
    );
  });
});

describe('name changes', () => {
  it('renders a co-author under their current name', async () => {
    const { NameChanges } = await import('../../src/model/name-changes.js');
    const { publicationsOf } = await import('../../src/pipeline.js');
    const { parseStore } = await import('../../src/store/parse.js');
    const changes = new NameChanges([
      [
        { family: 'Shi', given: 'Yuyang' },
        { family: 'Shi-Smith', given: 'Yuyang' },
      ],
    ]);
    const pubs = publicationsOf(parseStore('@misc{k, title = {T}, year = 2024, author = {Benton, Joe and Shi, Y.}}'), {
      nameChanges: changes,
    });
    expect(render(pubs.items, 'text')).toContain('Joe Benton, Yuyang Shi-Smith.');
  });
});
