#!/usr/bin/env node
/**
 * Generates a realistic .bib store for the benchmark: names with accents from many languages (UTF-8 and LaTeX
 * escapes), 1 to 60 authors, every common entry type, arXiv and DOI fields, the owner in some entries.
 * Deterministic (seeded), so runs compare like with like.
 *
 *   node scripts/generate-store.mjs 1000 > /tmp/store-1000.bib
 */
import { seededRandom } from './seeded-random.mjs';

const GIVEN = [
  'Kamélia',
  'Alexander',
  'Cristóbal',
  'Łukasz',
  'Šimon',
  'Zoë',
  'François',
  'Işık',
  'Ștefan',
  'Þór',
  'Åse',
  'Jürgen',
  'Iñaki',
  'Nguyễn Thị',
  'Yuyang',
  'Arnaud',
  'George',
  'Valentin',
  'Mrinank',
  'Chen Bo',
  'Samuel R.',
  'Anca',
  'Owain',
  'Jean-Pierre',
  'Ólafur',
  'Bjørn',
  'Małgorzata',
  'Dvořák',
  'Renée',
  'Gödel',
];
const FAMILY = [
  'Daudel',
  'Hägele',
  'Eyzaguirre',
  'Kaiser',
  'Dvořák',
  'Müller',
  'Núñez',
  'Öztürk',
  'Ionescu',
  'Þórsson',
  'Øster',
  'Schrödinger',
  'Zhang',
  'Nguyễn',
  'van der Weij',
  'De Bortoli',
  'Doucet',
  'Deligiannidis',
  'Sharma',
  'Kowalczyk',
  'Fraser-Taliente',
  'García',
  'Ångström',
  'Lefèvre',
  'Pérez',
  'Smith',
  'Kim',
  'Wang',
  'Rossi',
  'Tanaka',
];
const LATEX = {
  é: "{\\'e}",
  ä: '{\\"a}',
  ó: "{\\'o}",
  ö: '{\\"o}',
  ü: '{\\"u}',
  ñ: '{\\~n}',
  ç: '{\\c c}',
  Ł: '{\\L}',
  ł: '{\\l}',
  Š: '{\\v S}',
  ř: '{\\v r}',
  è: '{\\`e}',
};
const WORDS = [
  'Diffusion',
  'Models',
  'Language',
  'Markov',
  'Sabotage',
  'Evaluations',
  'Frontier',
  'Bounds',
  'Convergence',
  'Stochastic',
  'Localization',
  'Variational',
  'Inference',
  'Denoising',
  'Jailbreaks',
  'Transfer',
  'Monitoring',
  'Agents',
  'LLM',
  'Sparse',
  'Features',
  'Neural',
  'Networks',
  'Polysemanticity',
  'Capacity',
  'Scaling',
  'Compute',
  'Reasoning',
  'Chain-of-Thought',
  'Reward',
  'Hacking',
  'Flow',
  'Matching',
  'Error',
  'Time',
  'Discrete',
  'Quantum',
  'Über',
  'Réseaux',
  'Análisis',
  'Señales',
  '$\\alpha$-Divergence',
  'Test-Time',
  'NeurIPS',
  'for',
  'of',
  'and',
  'in',
];
const VENUES = {
  article: [
    'Journal of Machine Learning Research',
    'Transactions on Machine Learning Research',
    'Journal of the Royal Statistical Society Series B',
    'Annals of Statistics',
    'Physical Review D',
  ],
  inproceedings: [
    'Advances in Neural Information Processing Systems',
    'International Conference on Learning Representations',
    'International Conference on Machine Learning',
    'NeurIPS 2024 Workshop on Safe Generative AI',
  ],
};
const TYPES = [
  'article',
  'article',
  'inproceedings',
  'inproceedings',
  'misc',
  'misc',
  'book',
  'phdthesis',
  'techreport',
  'incollection',
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The seeded generator the sweeps use too (mulberry32). */
const rng = seededRandom;

export function generateStore(count, seed = 42) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const latexify = (text) => [...text].map((ch) => LATEX[ch] ?? ch).join('');
  const entries = [];
  for (let i = 0; i < count; i++) {
    const type = pick(TYPES);
    const year = 1995 + Math.floor(random() * 31);
    const authorCount = random() < 0.1 ? 20 + Math.floor(random() * 41) : 1 + Math.floor(random() * 8);
    const ownerAt = random() < 0.4 ? Math.floor(random() * authorCount) : -1;
    const useLatex = random() < 0.5;
    const authors = Array.from({ length: authorCount }, (_, a) => {
      if (a === ownerAt) return 'Benton, Joe';
      const name = `${pick(FAMILY)}, ${pick(GIVEN)}`;
      return useLatex ? latexify(name) : name;
    });
    const titleWords = Array.from({ length: 4 + Math.floor(random() * 8) }, () => pick(WORDS));
    const title = titleWords.join(' ').replace(/LLM|NeurIPS|Markov/g, (w) => `{${w}}`);
    const fields = [
      ['title', `{${useLatex ? latexify(title) : title}}`],
      ['author', `{${authors.join(' and ')}}`],
      ['year', `{${year}}`],
    ];
    if (random() < 0.3) fields.push(['month', pick(MONTHS)]);
    if (type === 'article')
      fields.push(
        ['journal', `{${pick(VENUES.article)}}`],
        ['volume', `{${1 + Math.floor(random() * 90)}}`],
        ['number', `{${1 + Math.floor(random() * 12)}}`],
        ['pages', `{${100 + (i % 300)}--${120 + (i % 300)}}`],
      );
    if (type === 'inproceedings' || type === 'incollection')
      fields.push(['booktitle', `{${pick(VENUES.inproceedings)}}`]);
    if (type === 'book' || type === 'incollection') fields.push(['publisher', '{Springer}']);
    if (type === 'phdthesis') fields.push(['school', '{University of Oxford}']);
    if (type === 'techreport') fields.push(['institution', '{Anthropic}']);
    if (random() < 0.5) {
      // unique identifiers: new-style from the entry number, old-style from (archive, month, number)
      const yy = String(Math.min(year, 2025) % 100).padStart(2, '0');
      const id =
        year >= 2007
          ? `${yy}${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + (i % 90000)).padStart(5, '0')}`
          : `${['hep-th', 'math', 'cond-mat', 'astro-ph', 'quant-ph'][Math.floor(i / 12000) % 5]}/${yy}${String(1 + (Math.floor(i / 1000) % 12)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
      fields.push(['eprint', `{${id}}`], ['archivePrefix', '{arXiv}']);
    }
    if (random() < 0.4) fields.push(['doi', `{10.${1000 + (i % 9000)}/bench.${i}}`]);
    if (random() < 0.1) fields.push(['keywords', '{selected}']);
    if (random() < 0.05 && authorCount >= 3) fields.push(['author+an', '{2=equal; 3=equal}']);
    const key = `bench${i}`;
    entries.push(`@${type}{${key},\n${fields.map(([n, v]) => `  ${n} = ${v}`).join(',\n')}\n}\n`);
  }
  return `% generated by scripts/generate-store.mjs (${count} entries)\n\n${entries.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? '1000');
  process.stdout.write(generateStore(count));
}
