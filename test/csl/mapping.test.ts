import { describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import { itemsOf, render } from '../helpers.js';

describe('store entries as CSL-JSON', () => {
  it('reads accents written as UTF-8 and as LaTeX escapes as the same names', () => {
    const [utf8] = itemsOf(
      '@misc{a, author = {Daudel, Kamélia and Hägele, Alexander and Eyzaguirre, Cristóbal}, title = {T}, year = 2020}',
    );
    const [latex] = itemsOf(
      "@misc{a, author = {Daudel, Kam{\\'e}lia and H{\\\"a}gele, Alexander and Eyzaguirre, Crist\\'{o}bal}, title = {T}, year = 2020}",
    );
    expect(latex?.author).toEqual(utf8?.author);
    expect(utf8?.author?.map((n) => n.given)).toEqual(['Kamélia', 'Alexander', 'Cristóbal']);
  });

  it('joins a main title and a book title as biblatex prints them (an al-folio workshop paper)', () => {
    const [paper, chapter] = itemsOf(`
      @inproceedings{w, title = {T}, author = {A, B}, year = 2021, maintitle = {IROS 2021},
        booktitle = {Workshop On The Roles Of Robotics In Achieving The UN's Social Development Goals}}
      @inbook{c, title = {T}, author = {A, B}, year = 2021, maintitle = {Collected Works?}, booktitle = {Volume Two}}`);
    expect(paper?.['container-title']).toBe(
      "IROS 2021. Workshop On The Roles Of Robotics In Achieving The UN's Social Development Goals",
    );
    expect(chapter?.['container-title']).toBe('Collected Works? Volume Two');
  });

  it('reads a publisher, place or institution with "and" in it as the one name BibTeX reads (a Mendeley thesis)', () => {
    const [book, thesis] = itemsOf(`
      @book{b, title = {T}, author = {A, B}, year = 2020, publisher = {John Wiley and Sons}, address = {Hoboken and London}}
      @book{t, title = {T}, author = {Bovyn, Matthew J.}, year = 2021, type = {Doctoral Thesis},
        publisher = {ProQuest Dissertations and Theses}, institution = {University of California, Irvine}}`);
    expect(book?.publisher).toBe('John Wiley and Sons');
    expect(book?.['publisher-place']).toBe('Hoboken and London');
    expect(thesis?.publisher).toBe('ProQuest Dissertations and Theses');
    const apa = render(
      itemsOf('@book{b, title = {T}, author = {A, B}, year = 2020, publisher = {Taylor and Francis}}'),
      'text',
      {
        style: loadStyle('apa'),
      },
    );
    expect(apa).toContain('Taylor and Francis');
  });

  it('reads a hyphenated family name with a particle inside as one family name (Ribeiro-dos-Santos)', () => {
    const [item] =
      itemsOf(`@article{a, title = {T}, journal = {J}, year = 2018, author = {Ândrea Kelly Ribeiro-dos-Santos
      and Ribeiro-dos-Santos, Ândrea Kelly and Marie Dupont-de-Lattre and Jean-Baptiste de la Fontaine and Gla\\ss, M.}}`);
    expect(item?.author?.map((n) => [n['non-dropping-particle'], n.family])).toEqual([
      [undefined, 'Ribeiro-dos-Santos'],
      [undefined, 'Ribeiro-dos-Santos'],
      [undefined, 'Dupont-de-Lattre'],
      ['de la', 'Fontaine'],
      [undefined, 'Glaß'],
    ]);
  });

  it("reads INSPIRE's accented dotless i in every spelling (Ma\\^\\i{}tre), with or without a mark beside it", () => {
    const [item] = itemsOf(`@article{a, title = {T}, journal = {J}, year = 2020, author = {Laurentis, Giuseppe and
      Ma\\^\\i{}tre, Daniel and Ma\\^\\i tre, D. and Ma{\\^\\i}tre, D. and Ma\\^{\\i}tre, D. and Ma\\^\\i{}tre*, D.}}`);
    expect(item?.author?.map((n) => n.family)).toEqual(['Laurentis', 'Maître', 'Maître', 'Maître', 'Maître', 'Maître']);
  });

  it('puts an article or a misc entry that names a journal in the journal, not in a stray booktitle', () => {
    const [article, misc, paper] = itemsOf(`
      @article{a, title = {STL}, author = {Ouyang, Zuokun}, year = 2021, journal = {Engineering Proceedings},
        booktitle = {Proceedings of The 7th International conference on Time Series and Forecasting}}
      @misc{m, title = {Pre-registration}, author = {Bulbulia, Joseph A.}, year = 2024,
        journal = {Studies in Christian Ethics}, booktitle = {Religion and its Evolution}}
      @inproceedings{p, title = {P}, author = {A, B}, year = 2024, journal = {PMLR}, booktitle = {ICML}}`);
    expect(article?.['container-title']).toBe('Engineering Proceedings');
    expect(misc?.['container-title']).toBe('Studies in Christian Ethics');
    expect(paper?.['container-title']).toBe('ICML');
  });

  it("prints DBLP's CoRR as the venue of a preprint, as the store names it", () => {
    const items = itemsOf(`@article{DBLP:journals/corr/abs-2301-12852, title = {Type Theory as a Language Workbench},
      author = {Jan {de Muijnck{-}Hughes} and Edwin C. Brady}, journal = {CoRR}, volume = {abs/2301.12852},
      year = {2023}, eprinttype = {arXiv}, eprint = {2301.12852}}`);
    expect(items[0]?.custom.kind).toBe('preprint');
    expect(render(items, 'text')).toContain('CoRR preprint arXiv:2301.12852, 2023.');
    const apa = render(items, 'text', { style: loadStyle('apa') });
    // DBLP's volume (abs/2301.12852) is the identifier again: not printed as a volume
    expect(apa).toContain('Language Workbench (Preprint arXiv:2301.12852). CoRR.');
  });

  it('prints the proceedings a report appears in, in the cv style', () => {
    const items = itemsOf(`@techreport{r, title = {Modeling Spread}, author = {Meentemeyer, Ross K.}, year = 2017,
      booktitle = {Proceedings of the sudden oak death sixth science symposium}, institution = {USDA Forest Service},
      number = {GTR-PSW-255}}`);
    expect(render(items, 'text')).toContain(
      'Proceedings of the sudden oak death sixth science symposium, Technical report, USDA Forest Service, GTR-PSW-255',
    );
  });

  it('turns "and others" into a mark, not an author', () => {
    const [item] = itemsOf('@misc{a, author = {A, B and C, D and others}, title = {T}, year = 2020}');
    expect(item?.author).toHaveLength(2);
    expect(item?.custom.truncated).toBe(true);
  });

  it('prints "others" between names as the names left out there (a CV keeping the owner last in a long list)', () => {
    const items = itemsOf(
      '@article{c, author = {Cornoldi, C. and Giofr{\\`e}, D. and others and Toffalini, E.}, title = {T}, journal = {J}, year = 2019}',
    );
    expect(items[0]?.author?.[2]).toEqual({ literal: '…' });
    expect(items[0]?.custom.truncated).toBe(false);
    expect(render(items, 'text')).toContain('C. Cornoldi, D. Giofrè, …, E. Toffalini.');
  });

  it('knows preprints, journal articles, conference and workshop papers', () => {
    const items = itemsOf(`
      @misc{p, title = {P}, author = {A, B}, year = 2024, eprint = {2506.15740}, archivePrefix = {arXiv}}
      @article{g, title = {G}, author = {A, B}, year = 2024, journal = {arXiv preprint arXiv:2410.21514}}
      @article{j, title = {J}, author = {A, B}, year = 2024, journal = {JMLR}, eprint = {2210.06226}}
      @inproceedings{c, title = {C}, author = {A, B}, year = 2024, booktitle = {ICLR}}
      @inproceedings{w, title = {W}, author = {A, B}, year = 2024, booktitle = {NeurIPS 2024 Workshop on Things}}
      @book{o, title = {O}, author = {A, B}, year = 2024, publisher = {P}}
      @book{t, title = {T}, author = {A, B}, year = 2021, booktitle = {ProQuest Dissertations and Theses}}
      @phdthesis{d, title = {D}, author = {A, B}, year = 2021, school = {S}, booktitle = {Series}}
      @book{l, title = {L}, author = {A, B}, year = 2014, pages = {263--272},
        booktitle = {Lecture Notes in Computer Science (including subseries Lecture Notes in Bioinformatics)}}`);
    expect(items.map((i) => [i.id, i.custom.kind])).toEqual([
      ['p', 'preprint'],
      ['g', 'preprint'],
      ['j', 'journal'],
      ['c', 'conference'],
      ['w', 'workshop'],
      ['o', 'other'],
      // a book's or a thesis's booktitle (as Mendeley writes a thesis) names no proceedings
      ['t', 'other'],
      ['d', 'other'],
      // a Mendeley paper in Lecture Notes: a @book with a booktitle and a page range is a part of that book
      ['l', 'conference'],
    ]);
    expect(items[8]).toMatchObject({ type: 'paper-conference', page: '263-272' });
    expect(items[8]?.['container-title']).toMatch(/^Lecture Notes in Computer Science/);
    expect(items[0]).toMatchObject({
      type: 'article',
      number: 'arXiv:2506.15740',
      publisher: 'arXiv',
      URL: 'https://arxiv.org/abs/2506.15740',
    });
    expect(items[1]?.number).toBe('arXiv:2410.21514');
    expect(items[2]?.custom.arxiv).toBe('2210.06226');
  });

  it('reads both conventions for selected papers and the author annotations', () => {
    const items = itemsOf(`
      @misc{a, title = {A}, year = 2020, keywords = {theory, selected}}
      @misc{b, title = {B}, year = 2020, selected = {true}}
      @misc{c, title = {C}, year = 2020, author = {A, B and C, D}, author+an = {2=equal}}`);
    expect(items.map((i) => i.custom.selected)).toEqual([true, true, false]);
    expect(items[2]?.custom.authorAnnotations).toEqual({ 2: ['equal'] });
  });
});
