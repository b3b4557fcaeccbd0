/** What a sync is given and what it plans: the input, the report and the conflicts (sync-arxiv). */
import type { ArxivRecord } from '../arxiv/atom.js';
import type { TextConvention } from '../arxiv/to-fields.js';
import type { NameChanges } from '../model/name-changes.js';
import type { ParsedStore } from '../store/parse.js';
import type { Sidecar } from './sidecar.js';

export interface SyncInput {
  readonly store: ParsedStore;
  readonly sidecar: Sidecar;
  readonly records: ReadonlyMap<string, ArxivRecord>;
  readonly notFound: readonly string[];
  /** IDs named on the command line (without version); entries are created for those not in the store. */
  readonly requested: readonly string[];
  readonly promote: boolean;
  readonly abstract: boolean;
  readonly nameChanges?: NameChanges;
  readonly convention?: TextConvention;
  /** The pattern of new keys (config `keyPattern`); else the store's own, detected from its keys. */
  readonly keyPattern?: string;
}

export interface FieldConflict {
  readonly key: string;
  readonly id: string;
  readonly field: string;
  readonly ours: string;
  readonly theirs: string;
  readonly base?: string;
}

export interface SyncReport {
  readonly created: ReadonlyArray<{ readonly key: string; readonly id: string }>;
  readonly updated: ReadonlyArray<{ readonly key: string; readonly id: string; readonly fields: readonly string[] }>;
  readonly unchanged: ReadonlyArray<{ readonly key: string; readonly id: string }>;
  readonly published: ReadonlyArray<{
    readonly key: string;
    readonly id: string;
    readonly doi?: string;
    readonly journalRef?: string;
    readonly since: 'this sync' | 'earlier';
    readonly promoted: boolean;
  }>;
  readonly newVersions: ReadonlyArray<{
    readonly key: string;
    readonly id: string;
    readonly from?: number;
    readonly to: number;
  }>;
  readonly conflicts: readonly FieldConflict[];
  /** Hand-written values that differ from arXiv (no earlier sync to tell who changed them): kept. */
  readonly kept: readonly FieldConflict[];
  readonly notFound: readonly string[];
}

export interface SyncPlan {
  readonly source: string;
  readonly sidecar: Sidecar;
  readonly report: SyncReport;
}

/** The arXiv IDs a sync fetches: the named ones, or every entry's. */
