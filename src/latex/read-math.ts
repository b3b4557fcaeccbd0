/**
 * Math in .bib values (`$\le \omega$`, `\ensuremath{…}`) read as Unicode text for citation-js: the math half of
 * read.ts's reader. Pure.
 */
import { MATH_ACCENTS, MATH_SCRIPTS, SPACING_SYMBOLS } from './read-tables.js';
import { escapeForCitationJs, symbolText, tableText } from './read-symbols.js';

/**
 * Math as Unicode text: symbols, sub- and superscripts, fractions, roots; spaces as written. Commands no table knows
 * are added to `unknown` (without the backslash) and their argument kept.
 */
export function readMath(source: string, unknown: string[]): string {
  let out = '';
  let k = 0;
  const group = (): string => {
    while (source[k] === ' ') k++;
    if (source[k] === '{') {
      let depth = 0;
      for (let j = k; j < source.length; j++) {
        if (source[j] === '\\') {
          j++;
          continue;
        }
        if (source[j] === '{') depth++;
        else if (source[j] === '}' && --depth === 0) {
          const inner = source.slice(k + 1, j);
          k = j + 1;
          return readMath(inner, unknown);
        }
      }
    }
    if (source[k] === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(source.slice(k));
      k += m?.[0].length ?? 1;
      return mathCommand(m?.[1] ?? '', () => '', unknown);
    }
    const ch = source[k] ?? '';
    k++;
    return ch;
  };
  while (k < source.length) {
    const ch = source[k] as string;
    if (ch === '^' || ch === '_') {
      k++;
      out += script(group(), ch);
    } else if (ch === '{') out += group();
    else if (ch === '}') k++;
    else if (ch === "'") {
      out += '′';
      k++;
    } else if (ch === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(source.slice(k));
      k += m?.[0].length ?? 1;
      out += mathCommand(m?.[1] ?? '', group, unknown);
    } else {
      out += ch;
      k++;
    }
  }
  return out;
}

function mathCommand(name: string, group: () => string, unknown: string[]): string {
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const a = group();
    const b = group();
    return `${a.length > 1 ? `(${a})` : a}/${b.length > 1 ? `(${b})` : b}`;
  }
  if (name === 'sqrt') {
    const a = group();
    return a.length > 1 ? `√(${a})` : `√${a}`;
  }
  if (/^(math(rm|bf|it|sf|tt|normal)|text(rm|bf|it|normal)?|operatorname|mbox|boldsymbol|bm)$/.test(name))
    return group();
  if (name === 'mathbb' || name === 'mathcal' || name === 'mathfrak' || name === 'mathscr') {
    const arg = group();
    return [...arg].map((c) => tableText(`\\${name}{${c}}`, true) ?? c).join('');
  }
  const accent = MATH_ACCENTS[name];
  if (accent !== undefined) return [...group()].map((c) => c + accent).join('');
  if (/^(left|right|big|Big|bigg|Bigg)[lr]?$/.test(name)) return '';
  const space = SPACING_SYMBOLS[name];
  if (space !== undefined) return space;
  if (name === '{' || name === '}' || name === '$' || name === '%' || name === '&' || name === '#' || name === '_')
    return name;
  const symbol = symbolText(name, true);
  if (symbol !== undefined) return symbol;
  unknown.push(name);
  return group();
}

/**
 * Where math's text holds a superscript or subscript that Unicode has no characters for (`$L_\infty$`,
 * `$T_{\mathrm{eff}}$`): readMath marks it with these, and mathForCitationJs writes it as `\textsubscript{…}`, which
 * citation-js reads as markup (`L<sub>∞</sub>`), so that every output prints it as a script.
 */
const SCRIPT_OPEN = { '^': '\uE0F1', _: '\uE0F2' } as const;
const SCRIPT_CLOSE = '\uE0F3';
const SCRIPT_MARKS = /([\uE0F1\uE0F2\uE0F3])/u;

/** A superscript or subscript in Unicode where every character has one, else marked as a script (see above). */
function script(text: string, kind: '^' | '_'): string {
  const table = MATH_SCRIPTS[kind];
  const mapped = [...text].map((c) => table[c]);
  if (text !== '' && mapped.every((c) => c !== undefined)) return mapped.join('');
  return text === '' ? '' : `${SCRIPT_OPEN[kind]}${text}${SCRIPT_CLOSE}`;
}

/** Math's text as LaTeX for citation-js: escaped, its marked scripts as `\textsuperscript`/`\textsubscript`. */
export function mathForCitationJs(text: string): string {
  return text
    .split(SCRIPT_MARKS)
    .map((piece) =>
      piece === SCRIPT_OPEN['^']
        ? '\\textsuperscript{'
        : piece === SCRIPT_OPEN._
          ? '\\textsubscript{'
          : piece === SCRIPT_CLOSE
            ? '}'
            : escapeForCitationJs(piece),
    )
    .join('');
}
