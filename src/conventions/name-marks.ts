/**
 * Marks written in the names, as al-folio and many CVs do: `Xu*, Kai`, `Brown†, Ellis`, `Kun Wu*`, `Lew$^+$`,
 * `del Pino^{*}`, `Smith\textsuperscript{#}`, with the legend in the entry's `annotation` or `note` field
 * (`* Equal contribution, † Equal advising`). A mark is taken out of the name and kept as an annotation of that
 * person, printed as a superscript after the name wherever the style puts it; `*` with no other legend is the
 * configured `equal` annotation. Pure.
 */
import { lookupTable } from '../model/lookup-table.js';
import { MARK_CHARACTERS } from '../model/mark-characters.js';

/** Commands that print a mark, inside or outside math. */
const MARK_COMMANDS: Readonly<Record<string, string>> = lookupTable({
  dagger: '†',
  dag: '†',
  textdagger: '†',
  ddagger: '‡',
  ddag: '‡',
  textdaggerdbl: '‡',
  ast: '*',
  star: '*',
  textasteriskcentered: '*',
  S: '§',
  P: '¶',
  textsection: '§',
  textparagraph: '¶',
});

/** A superscript: `$^+$`, `$^{*}$`, `^{*}`, `^\dagger`, `\textsuperscript{#}`, or a mark command in math. */
const SUPERSCRIPT =
  /(?<!\\)\$\s*\^\s*(\{[^{}$]*\}|\\[A-Za-z]+|[^\s{}$\\])\s*\$|(?<!\\)\^\s*(\{[^{}$]*\}|\\[A-Za-z]+|[^\s{}$\\,])|\\textsuperscript\s*\{([^{}]*)\}|\$\s*\\(dagger|ddagger|ast|star)\s*\$|\\(dag|ddag|textdagger|textdaggerdbl)\b(?:\{\})?/g;

/** A caret with nothing after it in the name or before its comma: PRISM's mark, `Xu^` or `Xu^, Yingxue`. */
const BARE_CARET = /(?<!\\)\^(?=\s*(?:,|$))/g;

/** Whether a name list writes PRISM's caret mark after a name (`Yingxue Xu^ and ...`). */
export function writesCaretMarks(list: string): boolean {
  return list.includes('^') && list.split(/\s+and\s+/i).some((name) => CARET_AT_END.test(name.trim()));
}

const CARET_AT_END = new RegExp(BARE_CARET.source);

/**
 * PRISM (a Next.js academic site) writes its marks in names with no legend: `^` equal contribution, `*` corresponding
 * author. In a list that writes `^` (writesCaretMarks), the `^` is the equal contribution (printed with the configured
 * mark, `*` by default) and the `*` the corresponding author, printed `†` as journals print it, so that the two do not
 * share a symbol. Other marks, and any the entry gives a legend, are read as everywhere else.
 */
export function prismAnnotation(symbol: string): string | undefined {
  return symbol === '^' ? 'equal' : symbol === '*' ? 'mark:†:Corresponding author' : undefined;
}

/**
 * The marks LaTeX cannot print as written, as LaTeX prints a mark: PRISM's `Xu^` and `Lei#` become
 * `Xu\\textsuperscript{\\textasciicircum}` and `Lei\\textsuperscript{\\#}` (a bare `^` or `#` in text is an error).
 */
export function marksAsLatex(list: string): string {
  if (!list.includes('^') && !list.includes('#')) return list;
  return list
    .split(/(\s+and\s+)/i)
    .map((piece) =>
      piece.replace(BARE_CARET, '\\textsuperscript{\\textasciicircum}').replace(/(?<!\\)#/g, '\\textsuperscript{\\#}'),
    )
    .join('');
}

const BARE_MARK = new RegExp(`(?<!\\\\)[${MARK_CHARACTERS}]`, 'gu');

export interface MarkedName {
  /** The name without its marks. */
  readonly name: string;
  /** The marks, in order, as symbols (`∗` read as `*`). */
  readonly marks: readonly string[];
}

function symbolOf(text: string): string {
  const inner = text.replace(/^\{|\}$/g, '').trim();
  const command = /^\\([A-Za-z]+)$/.exec(inner);
  if (command) return MARK_COMMANDS[command[1] ?? ''] ?? '';
  return inner.replace(/\\([A-Za-z]+)/g, (_, name: string) => MARK_COMMANDS[name] ?? '').replace(/\s+/g, '');
}

/** A name's marks taken out: `Xu*, Kai` -> `Xu, Kai` with `*`. A name with none comes back as it is. */
export function readNameMarks(name: string): MarkedName {
  if (!/[*∗†‡§¶‖#^]|textsuperscript|\\d?dag|\\text(?:dagger|asterisk)/.test(name)) return { name, marks: [] };
  const marks: string[] = [];
  let text = name.replace(SUPERSCRIPT, (_whole: string, ...groups: unknown[]) => {
    const mark = superscriptSymbol(groups);
    if (mark !== '') marks.push(normalise(mark));
    return '';
  });
  // PRISM's own mark (`Yingxue Xu^`: equal contribution), a caret that ends the name or its family part
  text = text.replace(BARE_CARET, () => {
    marks.push('^');
    return '';
  });
  text = text.replace(BARE_MARK, (ch) => {
    marks.push(normalise(ch));
    return '';
  });
  // a name with no mark in it is the name as written (`Ma\^\i{}tre`: an accent, and the `{}` that ends `\i`)
  if (marks.length === 0) return { name, marks };
  // what a mark leaves behind: `Xu , Kai`, `{Brown}{}`, a space before the comma (a command's `{}` stays)
  text = text
    .replace(/(?<!\\[A-Za-z]+\s*)\{\s*\}/g, '')
    .replace(/\s+,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return { name: text === '' ? name : text, marks };
}

/** The symbol of a SUPERSCRIPT match, from its capture groups. */
function superscriptSymbol(groups: readonly unknown[]): string {
  const [math, caret, textsuperscript, mathCommand, textCommand] = groups as (string | undefined)[];
  const command = mathCommand ?? textCommand;
  if (command !== undefined) return MARK_COMMANDS[command] ?? '';
  return symbolOf(math ?? caret ?? textsuperscript ?? '');
}

function normalise(symbol: string): string {
  return symbol.replace(/∗/g, '*');
}

/** The annotation name a mark is kept under: `equal` for `*` unless its legend says otherwise, else `mark:SYMBOL[:LEGEND]`. */
export function markAnnotation(symbol: string, legend: string | undefined): string {
  if (symbol === '*' && (legend === undefined || /\bequal/i.test(legend))) return 'equal';
  return legend ? `mark:${symbol}:${legend}` : `mark:${symbol}`;
}

/** The symbol and legend of a `mark:` annotation name, or undefined for any other name. */
export function parseMarkAnnotation(name: string): { readonly symbol: string; readonly legend?: string } | undefined {
  const m = /^mark:([^:]+)(?::(.*))?$/s.exec(name);
  if (!m) return undefined;
  return m[2] ? { symbol: m[1] as string, legend: m[2] } : { symbol: m[1] as string };
}

/**
 * The legend an entry writes for its marks: al-folio's `annotation = {* Equal contribution, † Equal advising}`, or a
 * `note` made of such lines. Symbol -> legend; an entry with none gives an empty map.
 */
export function markLegends(fields: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const field of ['annotation', 'note']) {
    const text = fields.get(field)?.trim();
    if (!text) continue;
    const plain = text.replace(
      SUPERSCRIPT,
      (whole: string, ...groups: unknown[]) => superscriptSymbol(groups) || whole,
    );
    if (!new RegExp(`^\\(?\\s*[${MARK_CHARACTERS}]`, 'u').test(plain)) continue;
    const pattern = new RegExp(`([${MARK_CHARACTERS}])\\s*([^,;${MARK_CHARACTERS}]+)`, 'gu');
    for (const m of plain.matchAll(pattern)) {
      const legend = (m[2] ?? '').replace(/[().\s]+$/, '').trim();
      if (legend !== '' && !out.has(normalise(m[1] ?? ''))) out.set(normalise(m[1] ?? ''), legend);
    }
  }
  return out;
}
