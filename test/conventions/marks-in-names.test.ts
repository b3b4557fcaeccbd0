/**
 * Convention: marks written in the names (al-folio `Xu*, Kai`, `Brown†`, `Kun Wu*`, a mark in math `Lew$^+$` or
 * `del Pino^{*}`, a site's own `<b>Ming*</b>`), with the legend in the entry's `annotation` field. Each mark is taken
 * out of the name and printed as a superscript after it, wherever the style puts the name; the legend says what it
 * means.
 */
import { describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import { marksAsLatex, markLegends, readNameMarks } from '../../src/conventions/name-marks.js';
import { itemsOf, render } from '../helpers.js';

const STORE = String.raw`@inproceedings{alfolio-marks,
  title = {A Vision-Centric Exploration},
  author = {Tong*, Shengbang and Benton*, Joe and Wu†, Penghao and Yang, Jihan},
  booktitle = {NeurIPS},
  year = {2024},
  annotation = {* Equal contribution, † Equal advising},
}
@article{given-first-marks,
  title = {Faster Models},
  author = {Kun Wu* and Joe Benton* and Wen-mei Hwu},
  journal = {VLDB},
  year = {2024},
}
@article{math-marks,
  title = {Marks in Math},
  author = {Lew$^+$, Ann and del Pino^{*}, Carla and Benton\textsuperscript{\dag}, Joe},
  journal = {J},
  year = {2020},
}
`;

function marksIn(html: string): string[] {
  return [...html.matchAll(/<sup class="bibfolio-mark">([^<]*)<\/sup>/g)].map((m) => m[1] ?? '');
}

describe('marks written in names', () => {
  it('a mark is read out of the name in every form real stores write it', () => {
    expect(readNameMarks('Xu*, Kai')).toEqual({ name: 'Xu, Kai', marks: ['*'] });
    expect(readNameMarks('Kun Wu*')).toEqual({ name: 'Kun Wu', marks: ['*'] });
    expect(readNameMarks('Brown†, Ellis')).toEqual({ name: 'Brown, Ellis', marks: ['†'] });
    expect(readNameMarks('Lew$^+$, Ann')).toEqual({ name: 'Lew, Ann', marks: ['+'] });
    expect(readNameMarks('del Pino^{*}, Carla')).toEqual({ name: 'del Pino, Carla', marks: ['*'] });
    expect(readNameMarks('Smith\\textsuperscript{\\dag}, J.')).toEqual({ name: 'Smith, J.', marks: ['†'] });
    expect(readNameMarks('Zhang∗#, Wei')).toEqual({ name: 'Zhang, Wei', marks: ['*', '#'] });
    // an accent is not a mark
    expect(readNameMarks('M{\\^o}nier, Jean')).toEqual({ name: 'M{\\^o}nier, Jean', marks: [] });
  });

  it("the legend is read from al-folio's annotation field", () => {
    const legends = markLegends(new Map([['annotation', '* Equal contribution, † Equal advising']]));
    expect([...legends]).toEqual([
      ['*', 'Equal contribution'],
      ['†', 'Equal advising'],
    ]);
    expect(markLegends(new Map([['note', 'I wrote the code.']])).size).toBe(0);
  });

  it('names are printed without the mark, each mark as a superscript after its name, with the legend', () => {
    const html = render(itemsOf(STORE), 'html');
    expect(html).not.toMatch(/Tong\*|Wu†|Wu\*|Lew\$|Pino\^|\\textsuperscript/);
    expect(html).toContain('Shengbang Tong<sup class="bibfolio-mark">*</sup>');
    expect(html).toContain('<strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>');
    expect(html).toContain('Penghao Wu<sup class="bibfolio-mark">†</sup>');
    expect(html).toContain('Kun Wu<sup class="bibfolio-mark">*</sup>');
    expect(html).toContain('Ann Lew<sup class="bibfolio-mark">+</sup>');
    expect(marksIn(html)).toEqual(['*', '*', '†', '*', '*', '+', '*', '†']);
    expect(html).toContain('<sup>*</sup> Equal contribution');
    expect(html).toContain('<sup>†</sup> Equal advising');
  });

  it("PRISM's marks: '^' the equal contribution, '*' the corresponding author (a real site's store)", () => {
    expect(readNameMarks('Yingxue Xu^')).toEqual({ name: 'Yingxue Xu', marks: ['^'] });
    expect(readNameMarks('Xu^, Yingxue')).toEqual({ name: 'Xu, Yingxue', marks: ['^'] });
    const store = '@article{p, title = {T}, author = {Chenyu Zhao^ and Joe Benton^ and Fengtao Zhou and Hao Chen*}}';
    const html = render(itemsOf(store), 'html');
    expect(html).toContain(
      'Chenyu Zhao<sup class="bibfolio-mark">*</sup>, <strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>, Fengtao Zhou, Hao Chen<sup class="bibfolio-mark">†</sup>',
    );
    expect(html).toContain('<sup>†</sup> Corresponding author');
    expect(html).not.toContain('^');
    // a list without a caret keeps '*' as the equal contribution
    expect(marksIn(render(itemsOf('@article{q, title = {T}, author = {Hao Chen* and Joe Benton*}}'), 'html'))).toEqual([
      '*',
      '*',
    ]);
    // LaTeX has no bare caret outside math: the export writes the mark as LaTeX prints one
    expect(marksAsLatex('Yifan Chen and Chunyin Lei# and Li \\#1')).toBe(
      'Yifan Chen and Chunyin Lei\\textsuperscript{\\#} and Li \\#1',
    );
    expect(marksAsLatex('Chenyu Zhao^ and Yingxue Xu^ and Hao Chen*')).toBe(
      'Chenyu Zhao\\textsuperscript{\\textasciicircum} and Yingxue Xu\\textsuperscript{\\textasciicircum} and Hao Chen*',
    );
  });

  it('the marks follow the name in a family-first style too', () => {
    const html = render(itemsOf(STORE), 'html', { style: loadStyle('apa') });
    expect(html).toContain('Tong, S.<sup class="bibfolio-mark">*</sup>');
    expect(html).toContain('Wu, P.<sup class="bibfolio-mark">†</sup>');
  });
});
