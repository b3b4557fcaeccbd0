/**
 * The sync sidecar (`bib/publications.bib` -> `bib/publications.sync.json`), committed with the store: for each
 * arXiv ID, the values the last sync took from arXiv and the version it saw. It is the base of the three-way merge.
 * Written with sorted keys and no timestamps, so a sync that changes nothing changes no byte of it.
 */

export interface SidecarRecord {
  /** Field name (lower case) -> the value arXiv gave, as it would be written in the store. */
  readonly fields: Readonly<Record<string, string>>;
  readonly version: number;
}

export interface Sidecar {
  readonly version: 1;
  /** arXiv ID (without version) -> record. */
  readonly entries: Readonly<Record<string, SidecarRecord>>;
}

export function emptySidecar(): Sidecar {
  return { version: 1, entries: {} };
}

export function sidecarPathFor(storePath: string): string {
  return storePath.replace(/\.bib$/i, '') + '.sync.json';
}

export class SidecarError extends Error {}

export function parseSidecar(text: string, file: string): Sidecar {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SidecarError(
      `${file}: not valid JSON (${(err as Error).message}); fix or delete it (a deleted sidecar makes every arXiv field count as hand-edited)`,
    );
  }
  const obj = json as Partial<Sidecar>;
  if (obj?.version !== 1 || typeof obj.entries !== 'object' || obj.entries === null) {
    throw new SidecarError(`${file}: not a bibfolio sync file (version 1)`);
  }
  return obj as Sidecar;
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
