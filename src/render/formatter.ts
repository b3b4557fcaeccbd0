/** The shape every output format has, and the one function that turns IR into a format's markup. */
import { tokenizeIr, type IrStyle } from '../csl/ir.js';

export interface ListSection {
  /** Heading text (plain), or undefined for an ungrouped list. */
  readonly heading?: string;
  /** Entries as IR. */
  readonly entries: readonly string[];
}

export interface ListDocument {
  readonly sections: readonly ListSection[];
  /** Legend lines as [symbol, text] (plain text, escaped by the format). */
  readonly legend: ReadonlyArray<readonly [string, string]>;
  readonly title?: string;
  readonly standalone: boolean;
  readonly lang: string;
}

export interface Formatter {
  /** Escapes plain text so it shows as itself. */
  escape(text: string): string;
  open(style: IrStyle): string;
  close(style: IrStyle): string;
  /** A link around already formatted content. */
  link(url: string, content: string): string;
  /** An annotation mark after a name. */
  mark(symbol: string): string;
  /** The label column of numeric styles ("1.", "[1]"), already formatted. */
  margin(content: string): string;
  document(doc: ListDocument, entry: (ir: string) => string): string;
}

export function irToFormat(ir: string, f: Formatter): string {
  let out = '';
  for (const token of tokenizeIr(ir)) {
    switch (token.kind) {
      case 'text':
        out += f.escape(token.text);
        break;
      case 'open':
        out += f.open(token.style);
        break;
      case 'close':
        out += f.close(token.style);
        break;
      case 'link':
        out += f.link(token.url, irToFormat(token.ir, f));
        break;
      case 'mark':
        out += f.mark(token.text);
        break;
      case 'margin':
        out += f.margin(irToFormat(token.ir, f));
        break;
    }
  }
  return out;
}

/** Only web and mail links become links; anything else (`javascript:`) is shown as text. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}
