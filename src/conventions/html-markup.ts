/**
 * HTML in BibTeX fields, as site generators write it (`<i>Drosophila</i>`, `<em>in vivo</em>`, `&#58;`): inline
 * formatting becomes the LaTeX formatting every output renders (italic, bold, super- and subscript, small caps), any
 * other tag is dropped with its text kept, and character references become the characters. Nothing of it reaches an
 * output as a tag: what is not on the short list below is text, never live HTML. Pure.
 */
import { lookupTable } from '../model/lookup-table.js';

/** Inline tags -> the LaTeX command that renders the same formatting. */
const INLINE: Readonly<Record<string, string>> = lookupTable({
  i: 'textit',
  em: 'textit',
  cite: 'textit',
  var: 'textit',
  b: 'textbf',
  strong: 'textbf',
  sup: 'textsuperscript',
  sub: 'textsubscript',
  sc: 'textsc',
});

/** Named character references site generators write; numeric ones are read by number. */
const NAMED: Readonly<Record<string, string>> = lookupTable({
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  shy: '\u00ad',
});

/** A tag of any kind: `<i>`, `</em>`, `<span class="nocase">`, `<br/>`. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g;
/** Tags that are HTML for certain (an inline or block element), not `<x>` in a formula or `<unknown>` as text. */
const HTML_ELEMENTS =
  /^(?:a|abbr|b|br|cite|code|del|div|em|font|i|ins|kbd|mark|p|q|s|samp|sc|small|span|strike|strong|sub|sup|tt|u|var)$/i;

/** Whether a value holds HTML markup or character references (the cheap test before reading it). */
export function hasHtml(value: string): boolean {
  return /<\/?[A-Za-z]|&#?[A-Za-z0-9]+;/.test(value);
}

/** Character references as characters; `&` that is not a reference (`A&A`) stays. */
export function decodeReferences(value: string): string {
  return value.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    if (!Number.isFinite(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Escapes what LaTeX reads as syntax in decoded text (`&`, `%`, `#`, `$`, `_`). */
function latexEscape(text: string): string {
  return text.replace(/(?<!\\)([&%#$_])/g, '\\$1');
}

/**
 * A field's HTML as LaTeX: inline formatting as the matching command, other known tags dropped (their text kept),
 * references decoded. A `<` that does not open an HTML element stays text.
 */
export function htmlToLatex(value: string): string {
  if (!hasHtml(value)) return value;
  const out: string[] = [];
  const open: { readonly name: string; readonly command?: string }[] = [];
  let last = 0;
  for (const m of value.matchAll(TAG)) {
    const [whole, closing, rawName] = m;
    const name = (rawName ?? '').toLowerCase();
    if (!HTML_ELEMENTS.test(name)) continue;
    out.push(value.slice(last, m.index));
    last = m.index + whole.length;
    const command = INLINE[name] ?? (name === 'span' && /small-caps/i.test(whole) ? 'textsc' : undefined);
    if (name === 'br' || name === 'p' || name === 'div') {
      out.push(' ');
      continue;
    }
    if (closing) {
      // `<i>…</em>`: a closing tag closes the formatting it names, whichever tag opened it; `</span>` its span
      let at = open.length - 1;
      while (at >= 0 && (command ? open[at]?.command !== command : open[at]?.name !== name)) at--;
      if (at === -1) continue;
      // close what is still open inside it, then it
      for (let k = open.length - 1; k >= at; k--) if (open[k]?.command) out.push('}');
      open.length = at;
    } else {
      open.push({ name, ...(command ? { command } : {}) });
      if (command) out.push(`\\${command}{`);
    }
  }
  out.push(value.slice(last));
  for (const o of open) if (o.command) out.push('}');
  const text = out.join('');
  return text.replace(REFERENCE, (whole) => latexEscape(decodeReferences(whole)));
}

/** A name without tags (`<b>Ming*</b>` is the name `Ming*`, set apart by the site itself) and references decoded. */
export function stripHtml(value: string): string {
  if (!hasHtml(value)) return value;
  return decodeReferences(value.replace(TAG, (whole, _c, name: string) => (HTML_ELEMENTS.test(name) ? '' : whole)));
}
