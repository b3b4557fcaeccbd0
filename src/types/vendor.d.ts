/** Minimal declarations for the untyped parts of citation-js and citeproc-js that bibfolio uses. */
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chainLink(data: unknown, options?: { forceType?: string }): unknown;
      chain(data: unknown, options?: { forceType?: string; generateGraph?: boolean }): unknown;
    };
    config: { get(ref: string): unknown };
  };
}

declare module '@citation-js/plugin-bibtex' {}

declare module '@citation-js/plugin-ris' {}

declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string>;
}

declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface BibliographyMeta {
    entry_ids: string[][];
    bibliography_errors: unknown[];
    [key: string]: unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [BibliographyMeta, string[]] | false;
    opt: Record<string, unknown>;
  }
  const CSL: {
    Engine: typeof Engine;
    /** citeproc-js's XML parser: the JSON form of a style or locale, which Engine and retrieveLocale also accept. */
    parseXml(xml: string): unknown;
    Output: { Formats: Record<string, Record<string, unknown>> };
  };
  export default CSL;
}

declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  export const commands: Readonly<Record<string, string>>;
  export const mathCommands: Readonly<Record<string, string>>;
  export const mathScripts: Readonly<Record<'^' | '_', Readonly<Record<string, string>>>>;
  export const formattingCommands: Readonly<Record<string, string | undefined>>;
  export const formattingEnvs: Readonly<Record<string, string | undefined>>;
  /** A field's kind (`field`, `list`, `separated`) and type (`literal`, `title`, `name`, `verbatim`, ...). */
  export const fieldTypes: Readonly<Record<string, readonly [string, string] | undefined>>;
  /** What the reader makes of `--`, `---`, two backquotes, two quotes and `~`. */
  export const ligatures: Readonly<Record<string, string>>;
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** A field's value as citation-js reads it: LaTeX to Unicode, names as lists of name objects. */
  export function parse(value: string, field: string, languages?: unknown): unknown;
}

declare module '@citation-js/plugin-bibtex/lib/input/name.js' {
  /** One word of a name as the plugin's grammar reads it. */
  export interface NamePart {
    value: string;
    upperCase: boolean | null;
    hyphenated?: boolean;
  }
  /** Whether a word's first cased letter is upper case (null: none is cased). */
  export function getStringCase(text: string): boolean | null;
  /** A name's comma-separated pieces as a name: `family`, `prefix`, `given`, `suffix`. */
  export function orderNamePieces(pieces: NamePart[][]): Record<string, string>;
}

declare module '@citation-js/plugin-bibtex/lib/mapping/index.js' {
  /** biblatex entries whose values are read (input/value.js) mapped to CSL-JSON, crossrefs among them resolved. */
  export function parse(
    entries: readonly { type: string; label: string; properties: Record<string, unknown> }[],
  ): Record<string, unknown>[];
}
