/**
 * The works of a file a researcher already has, for `bibfolio import FILE`: CSL-JSON (a list of items), RIS (read
 * by citation-js's RIS reader) or another .bib (read by bibfolio's own reader, its errors named, not imported).
 * Pure: the file's text in, the works out; reading the file is the caller's.
 */
import { publicationsOf } from '../pipeline.js';
import { parseStore } from '../store/parse.js';
import { load as risToCsl } from '../vendor/ris.js';
import type { CslWork } from './csl-work.js';
import { FileWorksError } from './errors.js';

export type FileFormat = 'csl-json' | 'ris' | 'bibtex';

/** The format a file's name says, or undefined for one import does not read. */
export function fileFormatOf(path: string): FileFormat | undefined {
  const ext = /\.[^./\\]+$/.exec(path)?.[0]?.toLowerCase();
  return ext === '.json'
    ? 'csl-json'
    : ext === '.ris'
      ? 'ris'
      : ext === '.bib' || ext === '.bibtex'
        ? 'bibtex'
        : undefined;
}

export interface FileWorks {
  readonly works: { id: string; work: CslWork }[];
  /** Entries that could not be read (a .bib's errors, with their lines). */
  readonly unresolved: string[];
}

const asWorks = (items: readonly unknown[], display: string): FileWorks['works'] =>
  items
    .filter((i): i is CslWork => typeof i === 'object' && i !== null)
    .map((work, n) => ({ id: `${display} #${n + 1}`, work }));

export function worksFromFile(text: string, format: FileFormat, display: string): FileWorks {
  if (format === 'csl-json') {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      throw new FileWorksError(`${display} is not JSON (CSL-JSON is a list of items)`);
    }
    if (!Array.isArray(items)) throw new FileWorksError(`${display} is not a CSL-JSON list of items`);
    return { works: asWorks(items, display), unresolved: [] };
  }
  if (format === 'ris') {
    let items: unknown[];
    try {
      items = risToCsl().risToCsl(text);
    } catch (err) {
      throw new FileWorksError(`${display} cannot be read as RIS: ${(err as Error).message.split('\n')[0]}`);
    }
    return { works: asWorks(items, display), unresolved: [] };
  }
  const pubs = publicationsOf(parseStore(text, display));
  return {
    works: pubs.items.map((item) => ({ id: `${display}: ${item.custom.key}`, work: item as unknown as CslWork })),
    unresolved: pubs.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${display}:${p.line ?? ''} ${p.message}`),
  };
}

export { FileWorksError };
