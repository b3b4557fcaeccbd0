// Copies the most used styles of the official CSL repository (../shared/fixtures/csl-styles) into styles/, so that
// `--style NAME` finds them offline: the styles most journals depend on (counted from the repository's dependent
// styles), and the general styles researchers pick by name, 50 in all. Writes styles/BUNDLED.md, the list with the
// repository's licence notice (CC BY-SA 3.0). Run by hand when the repository is updated: `node scripts/bundle-styles.mjs`.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(ROOT, '../shared/fixtures/csl-styles');
const COUNT = 50;
/** Styles researchers ask for by name, whatever their dependents. */
const BY_NAME = [
  'ieee',
  'nature',
  'science',
  'cell',
  'the-lancet',
  'chicago-author-date',
  'chicago-shortened-notes-bibliography',
  'modern-language-association',
  'acm-sig-proceedings',
  'association-for-computing-machinery',
  'harvard-cite-them-right',
  'american-physics-society',
  'american-chemical-society',
  'american-medical-association',
  'american-political-science-association',
  'american-sociological-association',
  'bmj',
  'elsevier-harvard',
  'springer-basic-author-date',
  'annual-reviews-author-date',
];
/** citation-js packages these under the same names; bibfolio's goldens are theirs. */
const PACKAGED = new Set(['apa', 'vancouver', 'harvard1']);

const dependents = new Map();
for (const file of readdirSync(join(REPO, 'dependent'))) {
  const parent = /href="http:\/\/www\.zotero\.org\/styles\/([^"]+)" rel="independent-parent"/.exec(
    readFileSync(join(REPO, 'dependent', file), 'utf8'),
  )?.[1];
  if (parent) dependents.set(parent, (dependents.get(parent) ?? 0) + 1);
}
const ranked = [...dependents.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
const chosen = [];
for (const name of [...BY_NAME, ...ranked]) {
  if (chosen.length === COUNT) break;
  if (PACKAGED.has(name) || chosen.includes(name)) continue;
  try {
    readFileSync(join(REPO, `${name}.csl`));
  } catch {
    continue;
  }
  chosen.push(name);
}
for (const name of chosen) copyFileSync(join(REPO, `${name}.csl`), join(ROOT, 'styles', `${name}.csl`));
const title = (name) =>
  /<title>([^<]*)<\/title>/.exec(readFileSync(join(REPO, `${name}.csl`), 'utf8'))?.[1]?.replace(/&amp;/g, '&') ?? name;
writeFileSync(
  join(ROOT, 'styles', 'BUNDLED.md'),
  `# Bundled styles

\`cv.csl\` is bibfolio's own. The ${chosen.length} other styles here are copied unchanged from the official CSL style
repository (https://github.com/citation-style-language/styles), so that \`--style NAME\` finds them without the
network: the styles most journals depend on (counted from the repository's dependent styles) and the general
styles researchers choose by name. \`bibfolio styles add NAME\` fetches any other.

They are licensed under the Creative Commons Attribution-ShareAlike 3.0 Unported licence
(https://creativecommons.org/licenses/by-sa/3.0/); each file names its authors in its \`<info>\`.

| style | title | dependent styles |
| --- | --- | --- |
${chosen.map((n) => `| \`${n}\` | ${title(n).replace(/\|/g, '\\|')} | ${dependents.get(n) ?? 0} |`).join('\n')}
`,
);
console.log(`bundled ${chosen.length} styles into styles/`);
