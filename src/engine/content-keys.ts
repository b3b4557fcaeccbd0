/**
 * The content keys of a store's entries: one per entry, a hash of its text and of what its reading depends on besides
 * (the mapping's context, the store's @string and @preamble blocks, and how many @strings come before it). A key the
 * last run made for a block this run took from it unchanged is used as it is. Pure.
 */
import { digest } from '../digest.js';
import { definitionsContext } from '../store/outline.js';
import type { Rescanned } from '../store/rescan.js';
import type { ScanOutline } from '../store/scan-outline.js';
import type { OutlineSnapshot } from './outline-snapshot.js';

export interface ContentKeys {
  readonly keys: string[];
  /** The hash of what every key depends on besides its entry: a kept key is used only under the same. */
  readonly keyContext: string;
  /** How many keys were hashed (the others were the last run's). */
  readonly hashed: number;
}

/** The last run's outline and this text's outline made from it. */
export interface PreviousOutline {
  readonly snapshot: OutlineSnapshot;
  readonly rescanned: Rescanned;
}

export function contentKeysOf(
  scan: ScanOutline,
  source: string,
  context: string,
  previous: PreviousOutline | undefined,
): ContentKeys {
  const { text, definedBefore } = definitionsContext(scan);
  const keyContext = digest(`${context}\u0000${text}`);
  const keys: string[] = [];
  let hashed = 0;
  // the JavaScript digest for every store: SHA-256 would be quicker for a store hashed whole, but a run after an edit
  // hashes one entry, and node:crypto would cost it 4-6 ms to load
  const key = (entryText: string): string => `m${digest(entryText)}`;
  const kept = keptKeys(previous, keyContext);
  // one context string per count of @strings before (nearly always one for the whole store)
  const contexts = new Map<number, string>();
  let i = 0;
  scan.blocks.forEach((block, at) => {
    if (block.kind !== 'entry') return;
    const before = definedBefore[i++] ?? 0;
    const known = kept?.(at);
    if (known !== undefined) {
      keys.push(known);
      return;
    }
    let entryContext = contexts.get(before);
    if (entryContext === undefined) contexts.set(before, (entryContext = `${keyContext}\u0000${before}\u0000`));
    keys.push(key(entryContext + source.slice(block.span.start, block.span.end)));
    hashed++;
  });
  return { keys, keyContext, hashed };
}

/**
 * The keys the last run made, by block, for the blocks this run's outline took from it unchanged; undefined when
 * they were made with another context (an @string changed).
 */
function keptKeys(
  previous: PreviousOutline | undefined,
  keyContext: string,
): ((block: number) => string | undefined) | undefined {
  if (!previous || previous.snapshot.keyContext !== keyContext) return undefined;
  const { snapshot, rescanned } = previous;
  return (at) =>
    at < rescanned.keptBefore
      ? snapshot.keyOf(at)
      : at >= rescanned.keptFrom
        ? snapshot.keyOf(at - rescanned.keptFrom + rescanned.previousFrom)
        : undefined;
}
