/**
 * The sync sidecar (`bib/publications.bib` -> `bib/publications.sync.json`), committed with the store: for each
 * arXiv ID, the values the last sync took from arXiv and the version it saw. It is the base of the three-way merge.
 * Written with sorted keys and no timestamps, so a sync that changes nothing changes no byte of it.
 *
 * The store and its sidecar change together, by a write-ahead record: before the store is replaced, the sidecar is
 * written with the new records as `pending`, under the SHA-256 of the new store's bytes. A run killed between the
 * writes leaves either the old store (the digest does not match: the pending records are dropped) or the new store
 * (it matches: they are adopted), so synced fields are never taken for hand edits.
 */
import { sha256Hex } from '../digest.js';
import * as z from 'zod/mini';

export interface SidecarRecord {
  /** Field name (lower case) -> the value arXiv gave, as it would be written in the store. */
  readonly fields: Readonly<Record<string, string>>;
  readonly version: number;
}

export interface Sidecar {
  readonly version: 1;
  /** arXiv ID (without version) -> record. */
  readonly entries: Readonly<Record<string, SidecarRecord>>;
  /** Per entry key: what the venue sync wrote, where from, and the citation count with its date. */
  readonly venues?: Readonly<Record<string, VenueRecord>>;
  /** Records of a store write under way: the SHA-256 (hex) of the store they belong to, and the records. */
  readonly pending?: {
    readonly store: string;
    readonly entries: Readonly<Record<string, SidecarRecord>>;
    readonly venues?: Readonly<Record<string, VenueRecord>>;
  };
}

export interface VenueRecord {
  /** The identifier the sources were asked with (`arXiv:ID`, `DOI:...`). */
  readonly id?: string;
  /** `published` (a record by identifier) or `accepted` (a suggestion the owner accepted with --accept). */
  readonly decision?: 'published' | 'accepted';
  /** Field -> the value the venue sync wrote (the base of the next merge). */
  readonly fields?: Readonly<Record<string, string>>;
  /** Field -> where it came from (`dblp:KEY`, `crossref:DOI`, `semantic-scholar:ID`). */
  readonly sources?: Readonly<Record<string, string>>;
  readonly citations?: { readonly count: number; readonly date: string; readonly source: string };
}

/** What reading the sidecar found of an interrupted write. */
export type SidecarHealing = 'none' | 'completed' | 'dropped';

export function storeDigest(bytes: Uint8Array | string): string {
  return sha256Hex(bytes);
}

/**
 * The sidecar that belongs to the store's bytes on disk: pending records are adopted when the store is the one they
 * were written for (the run was killed after replacing the store), and dropped otherwise (killed before).
 */
export function settleSidecar(
  sidecar: Sidecar,
  storeBytes: Uint8Array | string,
): { sidecar: Sidecar; healing: SidecarHealing } {
  const pending = sidecar.pending;
  if (!pending) return { sidecar, healing: 'none' };
  if (pending.store === storeDigest(storeBytes)) {
    return {
      sidecar: { version: 1, entries: pending.entries, ...(pending.venues ? { venues: pending.venues } : {}) },
      healing: 'completed',
    };
  }
  const { pending: _dropped, ...rest } = sidecar;
  return { sidecar: rest, healing: 'dropped' };
}

/** The sidecar written before the store: the old records, and the new ones pending on the new store's bytes. */
export function withPending(old: Sidecar, next: Sidecar, newStoreBytes: Uint8Array | string): Sidecar {
  return {
    ...old,
    pending: {
      store: storeDigest(newStoreBytes),
      entries: next.entries,
      ...(next.venues ? { venues: next.venues } : {}),
    },
  };
}

export function emptySidecar(): Sidecar {
  return { version: 1, entries: {} };
}

export function sidecarPathFor(storePath: string): string {
  return storePath.replace(/\.bib$/i, '') + '.sync.json';
}

export class SidecarError extends Error {}

/** The records' schemas, built when a sidecar is first read: not at every start of the command line. */
function buildSchemas() {
  const stringMap = z.record(z.string(), z.string());
  return {
    sidecarRecord: z.object({ fields: stringMap, version: z.number() }),
    citationsRecord: z.object({ count: z.number(), date: z.string(), source: z.string() }),
    venueRecord: z.object({
      id: z.optional(z.string()),
      decision: z.optional(z.enum(['published', 'accepted'])),
      fields: z.optional(stringMap),
      sources: z.optional(stringMap),
    }),
  };
}
let schemas: ReturnType<typeof buildSchemas> | undefined;

/** A record per key, each checked on its own: a damaged one is left out with a warning naming the file and key. */
function records<T>(
  value: unknown,
  where: string,
  check: (record: unknown, at: string) => T | undefined,
): Record<string, T> {
  const out: Record<string, T> = Object.create(null) as Record<string, T>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, record] of Object.entries(value)) {
    const checked = check(record, `${where}[${JSON.stringify(key)}]`);
    if (checked !== undefined) out[key] = checked;
  }
  return out;
}

/**
 * Reads a sidecar. A file that is not one (not JSON, no version 1) throws SidecarError; a damaged record or value
 * inside is left out and `warn` is told which key (the caller names the file): never a crash, never a wrong type.
 * Records are kept in prototype-free objects, so a key such as `constructor` is a key like any other.
 */
export function parseSidecar(text: string, file: string, warn: (message: string) => void = () => {}): Sidecar {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SidecarError(
      `${file}: not valid JSON (${(err as Error).message}); fix or delete it (a deleted sidecar makes every arXiv field count as hand-edited)`,
    );
  }
  const obj = json as { version?: unknown; entries?: unknown; venues?: unknown; pending?: unknown } | null;
  if (obj?.version !== 1 || typeof obj.entries !== 'object' || obj.entries === null || Array.isArray(obj.entries)) {
    throw new SidecarError(`${file}: not a bibfolio sync file (version 1)`);
  }
  schemas ??= buildSchemas();
  const { sidecarRecord, venueRecord, citationsRecord } = schemas;
  const entry = (record: unknown, at: string): SidecarRecord | undefined => {
    const checked = z.safeParse(sidecarRecord, record);
    if (checked.success)
      return { fields: Object.assign(Object.create(null), checked.data.fields), version: checked.data.version };
    warn(`${at} is damaged (not {fields, version}); it is ignored`);
    return undefined;
  };
  const venue = (record: unknown, at: string): VenueRecord | undefined => {
    const checked = z.safeParse(venueRecord, record);
    if (!checked.success) {
      warn(`${at} is damaged (not {id, fields, sources}); it is ignored`);
      return undefined;
    }
    const raw = (record as { citations?: unknown }).citations;
    const citations = z.safeParse(citationsRecord, raw);
    if (raw !== undefined && !citations.success) warn(`${at}.citations is not {count, date, source}; it is ignored`);
    const { decision, fields, sources } = checked.data;
    return {
      ...(checked.data.id !== undefined ? { id: checked.data.id } : {}),
      ...(decision ? { decision } : {}),
      ...(fields ? { fields: Object.assign(Object.create(null), fields) } : {}),
      ...(sources ? { sources: Object.assign(Object.create(null), sources) } : {}),
      ...(raw !== undefined && citations.success ? { citations: citations.data } : {}),
    };
  };
  const pending = obj.pending as { store?: unknown; entries?: unknown; venues?: unknown } | undefined;
  if (
    pending !== undefined &&
    (typeof pending?.store !== 'string' || typeof pending.entries !== 'object' || pending.entries === null)
  ) {
    throw new SidecarError(`${file}: its "pending" record is damaged; delete the "pending" key and run the sync again`);
  }
  return {
    version: 1,
    entries: records(obj.entries, 'entries', entry),
    ...(obj.venues !== undefined ? { venues: records(obj.venues, 'venues', venue) } : {}),
    ...(pending !== undefined
      ? {
          pending: {
            store: pending.store as string,
            entries: records(pending.entries, 'pending.entries', entry),
            ...(pending.venues !== undefined ? { venues: records(pending.venues, 'pending.venues', venue) } : {}),
          },
        }
      : {}),
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function serializeSidecar(sidecar: Sidecar): string {
  return `${JSON.stringify(sortKeys(sidecar), null, 2)}\n`;
}
