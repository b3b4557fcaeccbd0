/** CSL-JSON, the pivot format (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
import type { PersonName } from '../model/names.js';

export type CslName = PersonName;

export interface CslDate {
  readonly 'date-parts'?: ReadonlyArray<ReadonlyArray<number | string>>;
  readonly literal?: string;
  readonly raw?: string;
}

/** What bibfolio adds to each item, under CSL-JSON's `custom` key. */
export interface BibfolioData {
  readonly key: string;
  readonly bibType: string;
  readonly line: number;
  /** Position in the store file: the stable tie-break of sorting. */
  readonly index: number;
  readonly arxiv?: string;
  readonly selected: boolean;
  /** The store's author list ends with `and others`. */
  readonly truncated: boolean;
  /** 1-based author position -> annotation names, from `author+an`. */
  readonly authorAnnotations: Readonly<Record<number, readonly string[]>>;
  readonly kind: PublicationKind;
}

export type PublicationKind = 'journal' | 'conference' | 'workshop' | 'preprint' | 'other';

export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly issued?: CslDate;
  readonly 'container-title'?: string;
  readonly volume?: string | number;
  readonly issue?: string | number;
  readonly page?: string;
  readonly DOI?: string;
  readonly URL?: string;
  readonly number?: string;
  readonly publisher?: string;
  readonly genre?: string;
  readonly custom: BibfolioData;
  readonly [field: string]: unknown;
}
