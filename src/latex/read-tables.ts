/**
 * The tables of the LaTeX reader (read.ts), as data: what bibfolio resolves itself before citation-js, in preference to
 * unicode2latex's general table (which writes `\mu` as the math italic 𝜇 and `\slash` with a zero-width space).
 */
import { mathCommands, mathScripts } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { lookupTable } from '../model/lookup-table.js';

/** Control words with a fixed text: logos, dots, spacing, and plain Greek letters (not math italic). */
export const OWN_COMMANDS: Readonly<Record<string, string>> = lookupTable({
  ...(mathCommands as Record<string, string>),
  LaTeX: 'LaTeX',
  LaTeXe: 'LaTeX2ε',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  BibLaTeX: 'BibLaTeX',
  XeTeX: 'XeTeX',
  XeLaTeX: 'XeLaTeX',
  LuaTeX: 'LuaTeX',
  LuaLaTeX: 'LuaLaTeX',
  AmS: 'AMS',
  slash: '/',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  textellipsis: '…',
  quad: '\u2003',
  qquad: '\u2003\u2003',
  enspace: '\u2002',
  enskip: '\u2002',
  thinspace: '\u2009',
  space: ' ',
  nobreakspace: '\u00a0',
  hfill: ' ',
  newline: ' ',
  linebreak: ' ',
  par: ' ',
  noindent: '',
  relax: '',
  protect: '',
  xspace: '',
  allowbreak: '',
  ignorespaces: '',
  textdollar: '$',
  textpercent: '%',
  textampersand: '&',
  textunderscore: '_',
  textasciitilde: '~',
  textasciicircum: '^',
  textbackslash: '\\',
  textminus: '−',
  textpm: '±',
  texttimes: '×',
  textmu: 'µ',
  textcelsius: '℃',
  textdegree: '°',
  textperthousand: '‰',
  euro: '€',
  EUR: '€',
  checkmark: '✓',
});

/** Control symbols and spacing commands: `\,` is a thin space, `\-` a discretionary hyphen (nothing to show). */
export const SPACING_SYMBOLS: Readonly<Record<string, string>> = lookupTable({
  ',': '\u2009',
  ';': '\u2005',
  ':': '\u2005',
  '>': '\u2005',
  '!': '',
  ' ': ' ',
  '\n': ' ',
  '-': '',
  '/': '',
  '@': '',
  '\\': ' ',
  quad: '\u2003',
  qquad: '\u2003\u2003',
  thinspace: '\u2009',
  enspace: '\u2002',
});

/** Commands whose argument is plain text in a box: `\mbox{$\mu$J}` is `μJ`. */
export const UNWRAP_COMMANDS: ReadonlySet<string> = new Set([
  'mbox',
  'hbox',
  'makebox',
  'fbox',
  'text',
  'textnormal',
  'textrm',
  'textup',
  'textmd',
  'textsf',
  'texttt',
  'textlatin',
  'foreignlanguage',
  'hyphenation',
  'uppercase',
  'lowercase',
]);

const SUPERSCRIPT_LETTERS = 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ';
const SUBSCRIPT_LETTERS: Readonly<Record<string, string>> = lookupTable({
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
});

const base = mathScripts as Readonly<Record<'^' | '_', Readonly<Record<string, string>>>>;

/** Characters that Unicode has as superscripts and subscripts. */
export const MATH_SCRIPTS: Readonly<Record<'^' | '_', Readonly<Record<string, string>>>> = lookupTable({
  '^': {
    ...Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz'].map((c, i) => [c, [...SUPERSCRIPT_LETTERS][i] as string])),
    ...base['^'],
    T: 'ᵀ',
    '*': '*',
    '′': '′',
  },
  _: { ...SUBSCRIPT_LETTERS, ...base['_'] },
});

/** Math accents as combining characters: `(000\bar{1})` is `(0001̄)`, not `(0001)`. */
export const MATH_ACCENTS: Readonly<Record<string, string>> = lookupTable({
  bar: '\u0304',
  overline: '\u0305',
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  vec: '\u20d7',
  dot: '\u0307',
  ddot: '\u0308',
  acute: '\u0301',
  grave: '\u0300',
  breve: '\u0306',
  check: '\u030c',
  underline: '\u0332',
});

/**
 * An accent over nothing (`System\~{} Identification`, `x\^{}2`): the accent alone. `~`, `^`, `'` and `` ` `` as
 * the ASCII characters people mean by them (pandoc reads them so too), the others as Unicode's spacing accents.
 */
export const EMPTY_ACCENTS: Readonly<Record<string, string>> = lookupTable({
  '~': '~',
  '^': '^',
  "'": "'",
  '`': '`',
  '"': '\u00a8',
  '=': '\u00af',
  '.': '\u02d9',
  u: '\u02d8',
  v: '\u02c7',
  H: '\u02dd',
  c: '\u00b8',
  k: '\u02db',
  r: '\u02da',
});

/** Text accents that citation-js does not know, as combining characters (`\ocirc{u}` is `ů`). */
export const TEXT_ACCENTS: Readonly<Record<string, string>> = lookupTable({
  ocirc: '\u030a',
  textsubring: '\u0325',
  textsubdot: '\u0323',
  textsubbar: '\u0331',
  textsubtilde: '\u0330',
  textsubumlaut: '\u0324',
  textdoublegrave: '\u030f',
  textroundcap: '\u0311',
});
