import type { RawEntry } from './syntax.js';

/** A parsed store entry: resolved field values (still BibTeX/LaTeX text) and its place in the file. */
export interface BibEntry {
  readonly key: string;
  /** Lower-cased entry type. */
  readonly type: string;
  /** Lower-cased field name -> value with `#` and macros resolved; data annotations are not here. */
  readonly fields: ReadonlyMap<string, string>;
  /** Annotated field (`author`, or `author:name` for named annotations) -> raw annotation text. */
  readonly annotations: ReadonlyMap<string, string>;
  /** 1-based line of the entry's `@`. */
  readonly line: number;
  /** Position of the entry in the file, 0-based among entries; the stable tie-break of sorting. */
  readonly index: number;
  readonly raw: RawEntry;
}
