/**
 * One style of the official CSL repository per way a style once broke the owner's emphasis, the marks or the entry
 * (test/fixtures/styles/README.md names the originals). Each test renders the embedded store with the style, as a user
 * would (`format --style FILE`), and asserts the exact entry of "Alpha-divergence…" (the owner and two marks).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

const cache = mkdtempSync(join(tmpdir(), 'bibfolio-style-cases-'));

async function entry(style: string, to: 'html' | 'markdown', key = 'Daudel'): Promise<string> {
  const run = await cli(['format', '--style', fixture(`styles/${style}.csl`), '--to', to, '--no-cache'], undefined, {
    XDG_CACHE_HOME: cache,
  });
  expect(run.code).toBe(0);
  const line = run.stdout.split('\n').find((l) => l.toLowerCase().includes(key.toLowerCase()));
  if (line === undefined) throw new Error(`no entry with ${key} in:\n${run.stdout}`);
  return line.trim();
}

/** What a CommonMark parser makes of one Markdown list item. */
function commonmark(line: string): string {
  return new MarkdownIt({ html: true }).renderInline(line.replace(/^(- |\d+\. )/, ''));
}

describe('the owner and the marks in styles that once broke them', () => {
  it('keeps the given name with the family name where the style puts small caps on name parts', async () => {
    expect(await entry('given-name-in-small-caps', 'html')).toBe(
      '<li><span style="font-variant:small-caps">Daudel</span>, K., <strong class="bibfolio-owner">J. <span style="font-variant:small-caps">Benton</span></strong><sup class="bibfolio-mark">*</sup>, Y. <span style="font-variant:small-caps">Shi</span><sup class="bibfolio-mark">*</sup>, and A. <span style="font-variant:small-caps">Doucet</span>. 2023. Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. Journal of Machine Learning Research. 24: 1–83.</li>',
    );
  });

  it('underlines the owner where the style bolds every author, and the Markdown parses', async () => {
    expect(await entry('style-bolds-every-author', 'html')).toBe(
      '<li value="13"><strong>Daudel K</strong>, <strong><u class="bibfolio-owner">Benton J</u><sup class="bibfolio-mark">*</sup></strong>, <strong>Shi Y<sup class="bibfolio-mark">*</sup></strong>, <strong>Doucet A</strong>. Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. <i>Journal of Machine Learning Research</i> 24: 1–83, 2023.</li>',
    );
    const md = await entry('style-bolds-every-author', 'markdown');
    expect(md).toBe(
      '13. **Daudel K**, **<u>Benton J</u>\\***, **Shi Y\\***, **Doucet A**. Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. *Journal of Machine Learning Research* 24: 1–83, 2023.',
    );
    expect(commonmark(md)).toContain('<strong><u>Benton J</u>*</strong>');
  });

  it('underlines the owner where the style bolds each name part', async () => {
    expect(await entry('bold-on-every-name-part', 'html')).toContain(
      '<u class="bibfolio-owner"><strong>Benton</strong>, <strong>J</strong></u><sup class="bibfolio-mark">*</sup>, <strong>Shi</strong>, <strong>Y</strong><sup class="bibfolio-mark">*</sup>',
    );
  });

  it('folds bold nested in bold, so that the Markdown has no literal asterisks', async () => {
    const md = await entry('bold-nested-in-bold', 'markdown');
    expect(md).toBe(
      '- **DAUDEL, K., <u>BENTON, J.</u>\\*, SHI, Y.\\* and DOUCET, A.** 2023. Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. *Journal of Machine Learning Research* **24**: 1–83.',
    );
    expect(commonmark(md).replace(/<[^>]+>/g, '')).not.toMatch(/\*\*/);
  });

  it('prints the owner in capitals where the style prints names in capitals', async () => {
    expect(await entry('names-in-capitals', 'html')).toContain(
      'DAUDEL, K.; <strong class="bibfolio-owner">BENTON, J.</strong><sup class="bibfolio-mark">*</sup>; SHI, Y.<sup class="bibfolio-mark">*</sup>; DOUCET, A.',
    );
  });

  it('sets the owner apart in both places where the style prints the authors twice', async () => {
    expect(await entry('authors-printed-twice', 'html')).toContain(
      'DAUDEL, <strong class="bibfolio-owner">BENTON</strong><sup class="bibfolio-mark">*</sup>, SHI<sup class="bibfolio-mark">*</sup>, DOUCET 2023: K. Daudel, <strong class="bibfolio-owner">J. Benton</strong><sup class="bibfolio-mark">*</sup>, Y. Shi<sup class="bibfolio-mark">*</sup>, A. Doucet,',
    );
  });

  it('keeps a label column that follows the names as a word of its own', async () => {
    expect(await entry('label-column-after-names', 'markdown')).toBe(
      '- Daudel, Kamélia, **Joe Benton**\\*, Yuyang Shi\\*, and Arnaud Doucet 2023 Alpha-Divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. Journal of Machine Learning Research 24(243): 1–83.',
    );
  });

  it('renders a style with vertical-align="baseline" (it crashed with a stack trace)', async () => {
    expect(await entry('vertical-align-baseline', 'markdown')).toBe(
      '- \\[13\\] Daudel K, **Benton J**\\*, Shi Y\\*, Doucet A. Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics. Journal of Machine Learning Research 2023; 24: 1–83',
    );
  });

  it('keeps the period of "Benton J." with the name, before the mark', async () => {
    expect(await entry('period-after-given-name', 'markdown')).toContain(
      'Daudel K., **Benton J.**\\*, Shi Y.\\*, Doucet A.',
    );
  });

  it('derives the citation label from the names as they are', async () => {
    expect(await entry('citation-label', 'html')).toMatch(/^<li><span class="bibfolio-label">\[DBSD23\]<\/span> /);
  });

  it('never takes a superscript citation number for a given name', async () => {
    expect(await entry('superscript-citation-number', 'html')).toContain(
      '<sup>13</sup> Daudel, K.; <strong class="bibfolio-owner">Benton, J.</strong><sup class="bibfolio-mark">*</sup>;',
    );
  });
});

describe('locales and dependent styles', () => {
  it("renders in the style's default locale: u. a., not et al.", async () => {
    expect(await entry('german-default-locale', 'markdown', 'Chen, Yanda')).toContain(
      'Wagner, Misha ; Roger, Fabien ; u.\u00a0a.: Reasoning Models Don’t Always Say What They Think',
    );
  });

  it('prints Turkish capitals and the Turkish et-al term', async () => {
    expect(await entry('turkish-default-locale', 'markdown', 'Korbak')).toContain(
      'Dafoe, A., Dragan, A., ve diğerleri. (2025).',
    );
  });

  it('renders a dependent style with its parent found in the folder above, in its own locale', async () => {
    expect(await entry('dependent/dependent-in-spanish', 'markdown', 'Chen Y')).toBe(
      '2. Chen Y, **Benton J**, Radhakrishnan A, Uesato J, Denison C, Schulman J, Somani A, Hase P, Wagner M, Roger F, et\u00a0al. Reasoning Models Don’t Always Say What They Think \\[Preprint\\] \\[Internet\\]. arXiv; 2025. Disponible en: <https://arxiv.org/abs/2505.05410>',
    );
  });

  it('--locale overrides the style, and an unknown locale is a usage error', async () => {
    const english = await cli(['format', '--style', fixture('styles/german-default-locale.csl'), '--locale', 'en-GB']);
    expect(english.stdout).toContain('Roger, Fabien ; et al.:');
    const unknown = await cli(['format', '--locale', 'xx-YY']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^bibfolio: --locale xx-YY: no such CSL locale/);
  });
});

describe('styles that cannot make a list: one line, exit 1', () => {
  it.each([
    ['no-bibliography', /has no <bibliography>: it formats in-text citations only/],
    ['not-xml', /not-xml\.csl is not well-formed XML \(line 1, column 1/],
    ['xml-but-not-csl', /is XML but not a CSL style \(its root element is <html>/],
    [
      'dependent/parent-missing',
      /is a dependent style of "no-such-parent", which is not found .*bibfolio styles add no-such-parent/,
    ],
  ])('%s', async (style, message) => {
    const run = await cli(['format', '--style', fixture(`styles/${style}.csl`)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('entries a style prints as nothing', () => {
  it('names each in a warning with its type, and every other entry keeps its own text and marks', async () => {
    const run = await cli(
      ['format', '--style', fixture('styles/prints-nothing-for-some-types.csl'), '--to', 'html'],
      undefined,
      {
        XDG_CACHE_HOME: cache,
      },
    );
    expect(run.code).toBe(0);
    const warnings = run.stderr.trim().split('\n');
    expect(warnings).toHaveLength(13);
    expect(warnings[0]).toBe(
      'bib/publications.bib:10: warning [printed-nothing] entry "kutasov2025shade": the style prints nothing for this @misc entry, so it is left out of the list; choose a style that covers this type, or change the entry\'s type',
    );
    const entries = run.stdout.match(/<li>.*<\/li>/g) ?? [];
    expect(entries).toHaveLength(3);
    // before the fix, citeproc-js's dropped strings shifted every entry onto another item's marks
    expect(entries).toContain(
      '<li><i>Daudel/<strong class="bibfolio-owner">Benton</strong><sup class="bibfolio-mark">*</sup>/Shi<sup class="bibfolio-mark">*</sup>/Doucet</i>, Alpha-divergence Variational Inference Meets Importance Weighted Auto-Encoders: Methodology and Asymptotics, 2023, 1</li>',
    );
  });

  it('publications says how many entries each file really holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-count-'));
    const { writeFileSync, cpSync } = await import('node:fs');
    cpSync(fixture('../../bib'), join(dir, 'bib'), { recursive: true });
    writeFileSync(
      join(dir, 'bibfolio.config.json'),
      JSON.stringify({
        owner: { name: 'Joe Benton' },
        style: fixture('styles/prints-nothing-for-some-types.csl'),
        outputs: [{ path: 'out.md', format: 'markdown' }],
      }),
    );
    const run = await cli(['publications'], dir, { XDG_CACHE_HOME: cache });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wrote out.md (markdown, 3 entries)');
  });
});
