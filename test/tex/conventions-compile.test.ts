/**
 * The export of a store written with real stores' conventions compiles where the original does, and reads better:
 * pdflatex + bibtex (plain) on the export of a store with `\noopsort` and no preamble defining it, an AAS journal
 * macro (kept, and expanded), a DBLP DOI with `\_`, biblatex's extended name format, a letter with a combining accent, ADS's
 * wrapped name, `\>` in a title and a site's own entry type: no error, and the PDF shows the names as meant.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { missingTex, pdflatex, pdfText, run, TEX_SKIP_LINE, texDir } from './tex-tools.js';

const skip = missingTex.length > 0;
if (skip) console.warn(TEX_SKIP_LINE);

const STORE = String.raw`@article{sorted,
  author = {{\noopsort{marez}}{de Marez}, Charly and Benton, Joe},
  title = {Oceanic Lee Waves\>in Winter},
  journal = {\mnras},
  year = {2020},
}
@inproceedings{DBLP:conf/icann/Example19,
  author = {family=Zerda, given=Adam, prefix=de la, useprefix=true and Benton, Joe},
  title = {Learning with Noise},
  booktitle = {ICANN},
  doi = {10.1007/978-3-030-30484-3\_3},
  year = {2019},
}
@mathesis{zotero,
  author = {Rocı́o Martínez and {Hand
      ley}, W.~J.},
  title = {A Thesis},
  school = {MIT},
  year = {2018},
}
`;

const DOCUMENT = String.raw`\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{out}
\end{document}
`;

describe.skipIf(skip)('a store in real conventions, exported and compiled', () => {
  it.each(['keep', 'expand'])(
    'journal macros %s: compiles with pdflatex + bibtex, with no error, and prints the names as meant',
    async (mode) => {
      const dir = texDir();
      writeFileSync(join(dir, 'store.bib'), STORE);
      const exported = await cli(
        ['export-bib', '--bib', 'store.bib', '--out', 'out.bib', '--journal-macros', mode],
        dir,
      );
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).not.toContain('copied-as-written');
      const bib = readFileSync(join(dir, 'out.bib'), 'utf8');
      expect(bib).toContain('doi = {10.1007/978-3-030-30484-3_3}');
      expect(bib).toContain('de la Zerda, Adam');
      expect(bib).toContain("Roc\\'{\\i}o");
      expect(bib).toContain('@mastersthesis{zotero');
      expect(bib).toContain(mode === 'keep' ? 'journal = {\\mnras}' : 'journal = {MNRAS}');
      writeFileSync(join(dir, 'paper.tex'), DOCUMENT);
      expect(pdflatex(dir, 'paper').status).toBe(0);
      const bibtex = run('bibtex', ['paper'], dir);
      expect(bibtex.status, bibtex.output).toBe(0);
      expect(readFileSync(join(dir, 'paper.blg'), 'utf8')).not.toMatch(/error message|I was expecting|I'm skipping/);
      pdflatex(dir, 'paper');
      const final = pdflatex(dir, 'paper');
      expect(final.status, final.output).toBe(0);
      expect(final.output).not.toMatch(/Undefined control sequence/);
      const text = pdfText(dir, 'paper.pdf').replace(/\s+/g, ' ').normalize('NFC');
      expect(text).toContain('Charly de Marez');
      expect(text).not.toContain('marez de');
      expect(text).toContain('Adam de la Zerda');
      expect(text).toContain('Rocío Martínez');
      expect(text).toContain('W. J. Handley');
      expect(text).toContain('MNRAS');
    },
  );
});
