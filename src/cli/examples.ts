/** The examples every command's `--help` ends with, as data: command path -> lines (each a command and its effect). */
import { lookupTable } from '../model/lookup-table.js';

export const EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = lookupTable({
  init: [
    ['bibfolio init --owner "Ada Lovelace"', 'a config and an empty store here'],
    ['bibfolio init --from .', "adopt this al-folio, academicpages or Hugo Blox site's .bib in place"],
  ],
  format: [
    ['bibfolio format', 'the list as Markdown, cv style'],
    ['bibfolio format -s apa -t html -o pubs.html', 'APA, as HTML, into a file'],
    ['bibfolio format -t html --standalone --selected-first', 'the publications page'],
  ],
  add: [
    ['bibfolio add 10.1093/jrsssb/qkae005', 'a paper by its DOI'],
    ['bibfolio add 2506.15740 --dry-run', 'what adding an arXiv paper would write'],
  ],
  import: [
    ['bibfolio import orcid 0000-0002-1825-0097', "an ORCID record's papers"],
    ['bibfolio import old-cv.bib --dry-run', "what a file's papers would add"],
  ],
  publications: [['bibfolio publications', 'every output the config lists']],
  check: [
    ['bibfolio check', 'problems in the store, with file, line and entry'],
    ['bibfolio check --json', 'the same, as JSON'],
  ],
  sync: [
    ['bibfolio sync', 'ORCID (owner.orcid), arXiv, then the venues'],
    ['bibfolio sync --dry-run', 'what each step would change'],
  ],
  'sync-arxiv': [
    ['bibfolio sync-arxiv 2506.15740', 'add a paper by its arXiv ID'],
    ['bibfolio sync-arxiv --dry-run', 'what a refresh of every entry would change'],
  ],
  'sync-venues': [['bibfolio sync-venues --promote', 'write where preprints were published']],
  'export-bib': [
    ['bibfolio export-bib -o refs.bib', 'a clean .bib for bibtex'],
    ['bibfolio export-bib -t biblatex -o refs.bib', 'for biber, UTF-8'],
  ],
  'export-hugo': [['bibfolio export-hugo -o content/publication', 'one Hugo Blox bundle per paper']],
  styles: [['bibfolio styles add nature ieee', 'fetch two styles of the official repository']],
  'styles add': [['bibfolio styles add chicago-author-date', 'fetch a style (and its parent)']],
  'styles list': [['bibfolio styles list', 'the styles --style NAME finds']],
  completion: [
    ['bibfolio completion bash > ~/.local/share/bash-completion/completions/bibfolio', 'bash'],
    ['bibfolio completion zsh > "${fpath[1]}/_bibfolio"', 'zsh'],
    ['bibfolio completion fish > ~/.config/fish/completions/bibfolio.fish', 'fish'],
  ],
});

export function examplesText(path: string): string | undefined {
  const lines = EXAMPLES[path];
  if (!lines) return undefined;
  const width = Math.max(...lines.map(([c]) => c.length));
  return `\nExamples:\n${lines.map(([c, what]) => `  ${c.padEnd(width)}  # ${what}`).join('\n')}\n`;
}
