/** What the main thread asks a render worker. */
import type { StyleSource } from '../csl/registry.js';

export interface RenderRequest {
  readonly style: StyleSource;
  readonly lang: string;
  readonly items: ReadonlyArray<{ readonly id: string }>;
  /** The items are independent: render them a chunk at a time. */
  readonly chunked?: boolean;
}
