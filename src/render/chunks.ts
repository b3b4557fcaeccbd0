/** Rendering a list in chunks, shared by this thread and the render workers. */
import type { ListEngine, RenderFailure, RenderOutcome } from '../csl/engine.js';

/**
 * Entries of an independent style rendered a chunk at a time: the same output, and citeproc-js's registry holds one
 * chunk instead of the whole list (the peak memory of a 10,000-entry list).
 */
export const CHUNK = 250;

export function renderInChunks(
  engine: ListEngine,
  items: ReadonlyArray<{ readonly id: string }>,
  size = CHUNK,
): RenderOutcome {
  if (items.length <= size) return engine.render(items);
  const entries: string[] = [];
  const failures: RenderFailure[] = [];
  for (let i = 0; i < items.length; i += size) {
    const part = engine.render(items.slice(i, i + size));
    entries.push(...part.entries);
    failures.push(...part.failures);
  }
  return { entries, failures };
}
