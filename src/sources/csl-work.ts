/**
 * A work as the DOI agencies write it in CSL-JSON: what the sources read and a new BibTeX entry is made from (only
 * what an entry needs is declared).
 */
export interface CslWork {
  readonly DOI?: string;
  readonly type?: string;
  readonly title?: string | readonly string[];
  readonly 'container-title'?: string | readonly string[];
  readonly publisher?: string;
  readonly volume?: string | number;
  readonly issue?: string | number;
  readonly page?: string;
  readonly URL?: string;
  readonly issued?: { readonly 'date-parts'?: readonly (readonly (number | string)[])[] };
  readonly published?: { readonly 'date-parts'?: readonly (readonly (number | string)[])[] };
  readonly author?: readonly {
    readonly given?: string;
    readonly family?: string;
    readonly literal?: string;
    readonly name?: string;
  }[];
}
