/** The services' settings from a config: one place that knows which key wins. */
import type { Config } from './config.js';

/** Each service's settings: the `sources` key first, then the older `venues` and `sync` keys, then the defaults. */
export function serviceSettings(config: Config): {
  readonly doiUrl?: string;
  readonly crossrefUrl: string;
  readonly dataciteUrl?: string;
  readonly dblpUrl: string;
  readonly semanticScholarUrl: string;
  readonly orcidUrl?: string;
  readonly openalexUrl?: string;
  readonly arxivUrl: string;
  readonly mailto?: string;
  readonly delayMs: number;
  readonly arxivDelayMs: number;
} {
  const s = config.sources ?? {};
  const mailto = s.mailto ?? config.venues.mailto;
  return {
    ...(s.doiUrl ? { doiUrl: s.doiUrl } : {}),
    crossrefUrl: s.crossrefUrl ?? config.venues.crossrefUrl,
    ...(s.dataciteUrl ? { dataciteUrl: s.dataciteUrl } : {}),
    dblpUrl: s.dblpUrl ?? config.venues.dblpUrl,
    semanticScholarUrl: s.semanticScholarUrl ?? config.venues.semanticScholarUrl,
    ...(s.orcidUrl ? { orcidUrl: s.orcidUrl } : {}),
    ...(s.openalexUrl ? { openalexUrl: s.openalexUrl } : {}),
    arxivUrl: s.arxivUrl ?? config.sync.apiUrl,
    ...(mailto ? { mailto } : {}),
    delayMs: s.delayMs ?? config.venues.delayMs,
    arxivDelayMs: s.delayMs ?? config.sync.delayMs,
  };
}
