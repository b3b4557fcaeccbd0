/**
 * The intermediate representation (IR) between citeproc-js and the output formats.
 *
 * citeproc-js renders into a private output format whose text is left raw and whose formatting is written as
 * Private Use Area characters. Each output format (HTML, Markdown, LaTeX, text) then turns IR into its own markup and
 * escapes the text in one place, so a title or a name from a .bib file or arXiv can never become markup.
 * Input text is stripped of Private Use Area characters before it reaches citeproc-js, so no input can forge IR.
 */
import { lookupTable } from '../model/lookup-table.js';

export const IR = {
  BOLD_OPEN: '\uE000',
  BOLD_CLOSE: '\uE001',
  ITALIC_OPEN: '\uE002',
  ITALIC_CLOSE: '\uE003',
  SUP_OPEN: '\uE004',
  SUP_CLOSE: '\uE005',
  SUB_OPEN: '\uE006',
  SUB_CLOSE: '\uE007',
  SMALLCAPS_OPEN: '\uE008',
  SMALLCAPS_CLOSE: '\uE009',
  UNDERLINE_OPEN: '\uE00A',
  UNDERLINE_CLOSE: '\uE00B',
  /** The owner's whole name, set apart: bold, or underlined where the style already bolds the names around it. */
  OWNER_OPEN: '\uE010',
  OWNER_CLOSE: '\uE011',
  OWNER_UNDERLINE_OPEN: '\uE012',
  OWNER_UNDERLINE_CLOSE: '\uE013',
  /** A link: LINK_OPEN url LINK_TEXT text LINK_CLOSE. */
  LINK_OPEN: '\uE00C',
  LINK_TEXT: '\uE00D',
  LINK_CLOSE: '\uE00E',
  /** Around a title to be linked; replaced by a LINK once the item's URL is known. */
  TITLE_LINK_OPEN: '\uE016',
  TITLE_LINK_CLOSE: '\uE017',
  /** An annotation mark after a name (`*` for equal contribution): MARK_OPEN symbol MARK_CLOSE. */
  MARK_OPEN: '\uE014',
  MARK_CLOSE: '\uE015',
  /** Literal names that stand for "et al." and for an elision before the owner. */
  ET_AL: '\uE020',
  ELISION: '\uE021',
  /** Literal `<`, `>` from input text, kept away from citeproc-js's inline-markup parser. */
  LT: '\uE030',
  GT: '\uE031',
  /** Left margin of numeric styles (the "1." column). */
  MARGIN_OPEN: '\uE040',
  MARGIN_CLOSE: '\uE041',
  /** Base of the person index characters (one per marked person of an entry). */
  PERSON_BASE: 0xe100,
} as const;

/** The characters input text is stripped of (the IR's own are among them): check names them in a store. */
export const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** Makes input text safe to hand to citeproc-js: no forged IR, no inline markup from literal angle brackets. */
export function protectInput(text: string): string {
  return text.replace(PRIVATE_USE, '').replace(/</g, IR.LT).replace(/>/g, IR.GT);
}

export function personChar(index: number): string {
  return String.fromCharCode(IR.PERSON_BASE + index);
}

export function personIndex(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  return code >= IR.PERSON_BASE && code < 0xf800 ? code - IR.PERSON_BASE : undefined;
}

/** Tokens of an IR string, for the output formats. */
export type IrToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'open' | 'close'; readonly style: IrStyle }
  | { readonly kind: 'link'; readonly url: string; readonly ir: string }
  | { readonly kind: 'margin'; readonly ir: string }
  | { readonly kind: 'mark'; readonly text: string };

export type IrStyle = 'bold' | 'italic' | 'sup' | 'sub' | 'smallcaps' | 'underline' | 'owner' | 'ownerUnderline';

const OPENERS: Readonly<Record<string, IrStyle>> = lookupTable({
  [IR.BOLD_OPEN]: 'bold',
  [IR.ITALIC_OPEN]: 'italic',
  [IR.SUP_OPEN]: 'sup',
  [IR.SUB_OPEN]: 'sub',
  [IR.SMALLCAPS_OPEN]: 'smallcaps',
  [IR.UNDERLINE_OPEN]: 'underline',
  [IR.OWNER_OPEN]: 'owner',
  [IR.OWNER_UNDERLINE_OPEN]: 'ownerUnderline',
});
const CLOSERS: Readonly<Record<string, IrStyle>> = lookupTable({
  [IR.BOLD_CLOSE]: 'bold',
  [IR.ITALIC_CLOSE]: 'italic',
  [IR.SUP_CLOSE]: 'sup',
  [IR.SUB_CLOSE]: 'sub',
  [IR.SMALLCAPS_CLOSE]: 'smallcaps',
  [IR.UNDERLINE_CLOSE]: 'underline',
  [IR.OWNER_CLOSE]: 'owner',
  [IR.OWNER_UNDERLINE_CLOSE]: 'ownerUnderline',
});

/** The private-use characters the IR marks its structure with. */
const MARKER = /[\uE000-\uF8FF]/g;

/**
 * Ends a run of text: a token for it, if any, and the empty run that follows. A function of the module, not a closure
 * in tokenizeIr: the bundle names every closure it creates (esbuild's keepNames), 6 ms of a 10,000-entry list.
 */
function flushText(tokens: IrToken[], text: string): string {
  if (text) tokens.push({ kind: 'text', text });
  return '';
}

/** Splits IR into text and markup tokens; restores literal angle brackets; drops any other private-use character. */
export function tokenizeIr(ir: string): IrToken[] {
  const tokens: IrToken[] = [];
  let text = '';
  for (let i = 0; i < ir.length; i++) {
    // the text up to the next marker, as one slice (a character at a time was most of a long list's formatting)
    MARKER.lastIndex = i;
    const next = MARKER.exec(ir);
    const at = next ? next.index : ir.length;
    if (at > i) text += ir.slice(i, at);
    if (!next) break;
    i = at;
    const ch = next[0];
    if (ch === IR.LT) text += '<';
    else if (ch === IR.GT) text += '>';
    else if (OPENERS[ch]) {
      text = flushText(tokens, text);
      tokens.push({ kind: 'open', style: OPENERS[ch] });
    } else if (CLOSERS[ch]) {
      text = flushText(tokens, text);
      tokens.push({ kind: 'close', style: CLOSERS[ch] });
    } else if (ch === IR.LINK_OPEN) {
      const sep = ir.indexOf(IR.LINK_TEXT, i);
      const end = ir.indexOf(IR.LINK_CLOSE, sep);
      if (sep === -1 || end === -1) continue;
      text = flushText(tokens, text);
      tokens.push({ kind: 'link', url: plain(ir.slice(i + 1, sep)), ir: ir.slice(sep + 1, end) });
      i = end;
    } else if (ch === IR.MARGIN_OPEN) {
      // the label column keeps its formatting: some styles put the authors there
      const end = ir.indexOf(IR.MARGIN_CLOSE, i);
      if (end === -1) continue;
      text = flushText(tokens, text);
      tokens.push({ kind: 'margin', ir: ir.slice(i + 1, end) });
      i = end;
    } else if (ch === IR.MARK_OPEN) {
      const end = ir.indexOf(IR.MARK_CLOSE, i);
      if (end === -1) continue;
      text = flushText(tokens, text);
      tokens.push({ kind: 'mark', text: plain(ir.slice(i + 1, end)) });
      i = end;
    }
    // any other private-use character is an internal marker with no visible form
  }
  flushText(tokens, text);
  return tokens;
}

/** The visible text of an IR string. */
export function plain(ir: string): string {
  return ir.replace(/[\uE000-\uF8FF]/g, (ch) => (ch === IR.LT ? '<' : ch === IR.GT ? '>' : ''));
}

/** A character plain() keeps that trim() would not remove (`\s` is trim's white space). */
const VISIBLE = new RegExp(`[^\\s\\uE000-\\uF8FF]|[${IR.LT}${IR.GT}]`);

/** Whether an IR string prints anything: `plain(ir).trim() !== ''`, without building the plain text. */
export function printsSomething(ir: string): boolean {
  return VISIBLE.test(ir);
}
