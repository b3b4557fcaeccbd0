/**
 * The three-way merge every sync applies to a field (sync-arxiv, sync-venues): the store's value (`ours`), the
 * service's (`theirs`) and the value the last sync wrote (`base`, from the sidecar).
 * - The store lacks the field: added, unless a sync wrote it before (`base`): then the owner deleted it, and the
 *   deletion is respected (a conflict when the service now says something else).
 * - The store already holds the service's value: nothing to do.
 * - The store holds what the last sync wrote (the owner did not touch it), or a value the caller may always replace
 *   (an arXiv placeholder venue, an incomplete author list): updated.
 * - Otherwise the owner edited it: kept; a conflict when the service changed its value since the last sync, a note
 *   when no sync wrote it before.
 * Pure.
 */

export type FieldMerge =
  | { readonly kind: 'add' }
  | { readonly kind: 'deleted-by-owner'; readonly conflict: boolean }
  | { readonly kind: 'same' }
  | { readonly kind: 'update' }
  | { readonly kind: 'kept-edit'; readonly conflict: boolean };

export interface MergeInputs {
  readonly ours: string | undefined;
  readonly theirs: string;
  readonly base: string | undefined;
  /** Whether two values say the same thing (field-aware: years, months, pages, names). */
  readonly same: (a: string, b: string) => boolean;
  /** The store's value may be replaced though no sync wrote it (a placeholder, an incomplete list). */
  readonly replaceable?: (ours: string) => boolean;
}

export function mergeField({ ours, theirs, base, same, replaceable }: MergeInputs): FieldMerge {
  if (ours === undefined) {
    if (base !== undefined) return { kind: 'deleted-by-owner', conflict: !same(base, theirs) };
    return { kind: 'add' };
  }
  if (same(ours, theirs)) return { kind: 'same' };
  if ((base !== undefined && same(ours, base)) || replaceable?.(ours)) return { kind: 'update' };
  return { kind: 'kept-edit', conflict: base !== undefined && !same(base, theirs) };
}
