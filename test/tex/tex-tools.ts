/** Running the real TeX programs in a temporary folder; tests skip, with one line saying what to install, without them. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEX_PROGRAMS = ['pdflatex', 'bibtex', 'biber', 'pdftotext', 'pdftohtml'] as const;

function has(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

export const missingTex = TEX_PROGRAMS.filter((p) => !has(p));
export const TEX_SKIP_LINE = `TeX tests skipped: ${missingTex.join(', ')} not found. Install them with: apt-get install texlive-latex-base texlive-latex-recommended texlive-bibtex-extra texlive-fonts-recommended lmodern biber poppler-utils`;

export function texDir(): string {
  return mkdtempSync(join(tmpdir(), 'bibfolio-tex-'));
}

export interface RunResult {
  readonly status: number;
  readonly output: string;
}

export function run(program: string, args: readonly string[], cwd: string): RunResult {
  const result = spawnSync(program, [...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status ?? -1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export function pdflatex(cwd: string, name: string): RunResult {
  return run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', name], cwd);
}

/** The PDF's text, with line-end hyphenation and white space folded away for comparisons. */
export function pdfText(cwd: string, pdf: string): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { cwd, encoding: 'utf8' });
  // page numbers (a line with a number alone) would split a title that runs across a page break
  return text.replace(/\f/g, '\n').replace(/^\s*\d+\s*$/gm, '');
}

export function squash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\-‐]+/g, '')
    .toLowerCase();
}

/** Text set in a bold font, from pdftohtml's XML (it marks bold runs with <b>). */
export function boldRuns(cwd: string, pdf: string): string[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], { cwd, encoding: 'utf8' });
  return [...xml.matchAll(/<b>([^<]*)<\/b>/g)].map((m) => m[1] as string);
}
