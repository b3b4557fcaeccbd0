/** The citeproc-js output format that writes IR (see csl/ir.ts) instead of HTML or text. */
import type { Citeproc } from '../vendor/citeproc.js';
import { IR } from './ir.js';

export const IR_FORMAT = 'bibfolio-ir';

type Fn = (state: unknown, str: string) => string;

const wrap =
  (open: string, close: string): Fn =>
  (_state, str) =>
    open + str + close;

const identity: Fn = (_state, str) => str;

/**
 * citeproc-js's text format leaves the decorations it ignores as `false` (`@vertical-align/baseline`,
 * `@font-variant/normal`, ...); some code paths call them anyway and throw (klinische-padiatrie, thieme-german). In IR
 * they are the identity: a "normal" reset inside italic or bold is not kept.
 */
function withIdentityDecorations(format: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(format).map(([k, v]) => [k, k.startsWith('@') && v === false ? identity : v]),
  );
}

/** Adds the IR format to this copy of citeproc-js. */
export function defineIrFormat(CSL: Citeproc): void {
  const text = withIdentityDecorations(CSL.Output.Formats.text as Record<string, unknown>);
  CSL.Output.Formats[IR_FORMAT] = {
    ...text,
    text_escape: (s: string | undefined) => s ?? '',
    bibstart: '',
    bibend: '',
    '@font-style/italic': wrap(IR.ITALIC_OPEN, IR.ITALIC_CLOSE),
    '@font-style/oblique': wrap(IR.ITALIC_OPEN, IR.ITALIC_CLOSE),
    '@font-variant/small-caps': wrap(IR.SMALLCAPS_OPEN, IR.SMALLCAPS_CLOSE),
    '@font-weight/bold': wrap(IR.BOLD_OPEN, IR.BOLD_CLOSE),
    '@text-decoration/underline': wrap(IR.UNDERLINE_OPEN, IR.UNDERLINE_CLOSE),
    // Superscripts in input names are how marked names travel through citeproc-js (see csl/authors.ts).
    '@vertical-align/sup': wrap(IR.SUP_OPEN, IR.SUP_CLOSE),
    '@vertical-align/sub': wrap(IR.SUB_OPEN, IR.SUB_CLOSE),
    // Inline <sup> in a name under a style's vertical-align="baseline" reaches the formatter with no value
    // (citeproc-js's flip-flop of vertical-align has no opposite of "baseline"): it is still our superscript.
    '@vertical-align/undefined': wrap(IR.SUP_OPEN, IR.SUP_CLOSE),
    '@bibliography/entry': (_state: unknown, str: string) => str,
    // a block is a line of its own in HTML; in a one-line entry it is set off by spaces (folded by the engine)
    '@display/block': (_state: unknown, str: string) => ` ${str} `,
    // a label that follows other text (a block of names, then the year) is a word of its own
    '@display/left-margin': (_state: unknown, str: string) => ` ${IR.MARGIN_OPEN}${str}${IR.MARGIN_CLOSE}`,
    '@display/right-inline': (_state: unknown, str: string) => str,
    '@display/indent': (_state: unknown, str: string) => ` ${str} `,
    '@URL/true': (_state: unknown, str: string) => IR.LINK_OPEN + str + IR.LINK_TEXT + str + IR.LINK_CLOSE,
    '@DOI/true': (_state: unknown, str: string) => {
      const url = /^https?:\/\//.test(str) ? str : `https://doi.org/${str}`;
      return IR.LINK_OPEN + url + IR.LINK_TEXT + str + IR.LINK_CLOSE;
    },
  };
}
