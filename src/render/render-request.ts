/** What the main thread asks a render worker. */
import type { StyleSource } from '../csl/registry.js';

export interface RenderRequest {
  readonly style: StyleSource;
  readonly lang: string;
  readonly items: ReadonlyArray<{ readonly id: string }>;
  /** The items are independent: render them a chunk at a time. */
  readonly chunked?: boolean;
}

/** What a render worker is started with (its workerData). */
export interface WorkerSetup {
  /** Where parsed styles and locales are kept (csl/parsed-csl.ts); undefined: only the build's. */
  readonly parsedCslFolder: string | undefined;
  /** The launcher's V8 code caches of the bundles a worker loads, by bundle file (render/run-bundle.ts). */
  readonly codeCaches?: Readonly<Record<string, Uint8Array>>;
}
