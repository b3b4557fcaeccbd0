/**
 * A lab's list from one store: the owner set apart as always, each member as their role says (underline, italic,
 * bold, or a mark with its legend), co-authors' names linked to their pages (config `coauthors`, or al-folio's
 * `_data/coauthors.yml`), in any style; `--person NAME` renders one member's own list.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

function lab(extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-lab-'));
  mkdirSync(join(dir, 'bib'));
  cpSync(join(ROOT, 'bib/publications.bib'), join(dir, 'bib/publications.bib'));
  writeFileSync(
    join(dir, 'bibfolio.config.json'),
    JSON.stringify({
      owner: { name: 'Arnaud Doucet' },
      annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
      people: [
        { name: 'Joe Benton', variants: ['J. Benton'], role: 'student', style: 'mark', mark: '†', legend: 'Student' },
        { name: 'George Deligiannidis', role: 'faculty', style: 'underline' },
        { name: 'Yuyang Shi', role: 'postdoc', style: 'italic' },
      ],
      ...extra,
    }),
  );
  return dir;
}

const entry = (html: string, title: string): string =>
  (html.match(/<li[ >][\s\S]*?<\/li>/g) ?? []).find((li) => li.includes(title)) ?? '';

describe("a lab's list", () => {
  it('sets apart the owner and every member by role, with the legend of the marks', async () => {
    const run = await cli(['format', '-t', 'html'], lab());
    expect(run.code, run.stderr).toBe(0);
    const jrssb = entry(run.stdout, 'Denoising Markov Models');
    expect(jrssb).toContain('Joe Benton<sup class="bibfolio-mark">†</sup>');
    expect(jrssb).toContain('<i>Yuyang Shi</i>');
    expect(jrssb).toContain('<u>George Deligiannidis</u>');
    expect(jrssb).toMatch(/<strong class="bibfolio-owner">Arnaud Doucet<\/strong>/);
    // equal contributions still marked, next to the role's mark
    expect(entry(run.stdout, 'Alpha-divergence')).toMatch(
      /Joe Benton<sup class="bibfolio-mark">\*<\/sup><sup class="bibfolio-mark">†<\/sup>/,
    );
    expect(run.stdout).toContain('<p class="bibfolio-legend"><sup>†</sup> Student</p>');
  });

  it('never hides a member behind "et al." on a paper without the owner', async () => {
    const run = await cli(['format', '-t', 'html'], lab());
    // SHADE-Arena: twelve authors, the student Joe Benton last, Arnaud Doucet not among them; the owner rule's
    // elision would hide two names only, so all twelve are printed
    const shade = entry(run.stdout, 'SHADE-Arena');
    expect(shade).toContain('Buck Shlegeris, Joe Benton<sup class="bibfolio-mark">†</sup>.');
    expect(shade).not.toContain('et al.');
  });

  it('keeps every rule in other styles: APA and IEEE', async () => {
    for (const style of ['apa', 'ieee']) {
      const run = await cli(['format', '-s', style, '-t', 'html'], lab());
      expect(run.code, run.stderr).toBe(0);
      const jrssb = entry(run.stdout, 'Denoising Markov Models');
      expect(jrssb, style).toMatch(
        /<strong class="bibfolio-owner">Doucet, A\.|<strong class="bibfolio-owner">A\. Doucet/,
      );
      expect(jrssb, style).toMatch(/<u>(Deligiannidis, G\.|G\. Deligiannidis)<\/u>/);
      expect(jrssb, style).toMatch(/(Benton, J\.|J\. Benton)<sup class="bibfolio-mark">†<\/sup>/);
    }
  });

  it('links co-authors to their pages, from the config or from al-folio’s coauthors.yml; the text stays text', async () => {
    const dir = lab({ coauthors: '_data/coauthors.yml' });
    mkdirSync(join(dir, '_data'));
    writeFileSync(
      join(dir, '_data/coauthors.yml'),
      '"De Bortoli":\n  - firstname: ["Valentin", "V."]\n    url: https://vdebortoli.github.io/\n"anil":\n  - firstname: ["Cem"]\n    url: javascript:alert(1)\n',
    );
    // al-folio keys by the family name as the .bib writes it
    const run = await cli(['format', '-t', 'html'], dir);
    expect(run.code, run.stderr).toBe(0);
    const jrssb = entry(run.stdout, 'Denoising Markov Models');
    expect(jrssb).toContain('<a href="https://vdebortoli.github.io/">Valentin De Bortoli</a>');
    expect(run.stdout).not.toContain('javascript:');
    const md = await cli(
      ['format', '-t', 'markdown'],
      lab({ coauthors: { 'Valentin De Bortoli': 'https://vdebortoli.github.io/' } }),
    );
    expect(md.stdout).toContain('[Valentin De Bortoli](<https://vdebortoli.github.io/>)');
  });

  it("--person renders one member's own list, their name set apart", async () => {
    const dir = lab();
    const all = await cli(['format', '-t', 'text'], dir);
    const theirs = await cli(['format', '-t', 'html', '--person', 'George Deligiannidis'], dir);
    expect(theirs.code, theirs.stderr).toBe(0);
    const entries = theirs.stdout.match(/<li[ >][\s\S]*?<\/li>/g) ?? [];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThan((all.stdout.match(/\n\n/g) ?? []).length);
    for (const li of entries) expect(li).toContain('<strong class="bibfolio-owner">George Deligiannidis</strong>');
  });
});
