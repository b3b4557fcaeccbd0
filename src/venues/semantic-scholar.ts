/**
 * The Semantic Scholar Graph API's batch endpoint (https://api.semanticscholar.org/api-docs/graph): `POST
 * {base}/paper/batch?fields=...` with `{"ids": ["arXiv:2507.14417", "DOI:10..."]}`, at most 500 IDs per request; the
 * answer is an array in the order of the IDs, `null` for an ID it does not know. Keyless requests share a pool, so
 * at most one request per 3 s; an API key (`S2_API_KEY`) goes in the `x-api-key` header, and nowhere else.
 */
import { HttpFailure } from '../http/polite-client.js';
import { cached, checkedBase, SourceError, transportFor, type SourceClientOptions } from './source-client.js';

export const SEMANTIC_SCHOLAR_URL = 'https://api.semanticscholar.org/graph/v1';
export const S2_FIELDS =
  'title,externalIds,venue,publicationVenue,journal,year,publicationDate,publicationTypes,citationCount';
export const S2_MAX_BATCH = 500;

/** The fields bibfolio reads of a paper, as the API spells them. */
export interface S2Paper {
  readonly paperId: string;
  readonly title?: string;
  readonly externalIds?: Readonly<Record<string, string | number>>;
  readonly venue?: string;
  readonly publicationVenue?: {
    readonly name?: string;
    readonly type?: string;
    readonly alternate_names?: readonly string[];
  } | null;
  readonly journal?: { readonly name?: string; readonly volume?: string; readonly pages?: string } | null;
  readonly year?: number | null;
  readonly publicationDate?: string | null;
  readonly publicationTypes?: readonly string[] | null;
  readonly citationCount?: number | null;
}

export interface S2Options extends SourceClientOptions {
  readonly apiKey?: string;
  readonly batchSize?: number;
}

export class SemanticScholarClient {
  readonly baseUrl: string;
  requests = 0;
  fromCache = 0;
  private readonly transport;

  constructor(private readonly options: S2Options = {}) {
    const delay = options.delayMs ?? 3000;
    this.baseUrl = checkedBase(
      'Semantic Scholar',
      options.baseUrl ?? SEMANTIC_SCHOLAR_URL,
      'semanticscholar.org',
      delay,
    );
    this.transport = transportFor('Semantic Scholar', options, {
      accept: 'application/json',
      ...(options.apiKey ? { headers: { 'x-api-key': options.apiKey } } : {}),
    });
  }

  /** The papers of these IDs (`arXiv:ID`, `DOI:...`), by ID; `null` for an ID Semantic Scholar does not know. */
  async papers(ids: readonly string[]): Promise<Map<string, S2Paper | null>> {
    const out = new Map<string, S2Paper | null>();
    const size = Math.min(this.options.batchSize ?? S2_MAX_BATCH, S2_MAX_BATCH);
    for (let i = 0; i < ids.length; i += size) {
      const batch = ids.slice(i, i + size);
      const url = `${this.baseUrl}/paper/batch?fields=${S2_FIELDS}`;
      const { body, fromCache } = await cached(this.options, `${url}\n${JSON.stringify(batch)}`, async () => {
        this.requests++;
        try {
          return (await this.transport.postJson(url, { ids: batch })).body;
        } catch (err) {
          if (err instanceof HttpFailure) throw new SourceError(err.message);
          throw err;
        }
      });
      if (fromCache) this.fromCache++;
      const papers = parseBatch(body ?? '', batch.length);
      batch.forEach((id, k) => out.set(id, papers[k] ?? null));
    }
    return out;
  }
}

/** The batch answer: an array as long as the request, of papers or null. */
export function parseBatch(body: string, expected: number): (S2Paper | null)[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new SourceError('Semantic Scholar answered with something that is not JSON (a cut-off response?)');
  }
  if (!Array.isArray(json) || json.length !== expected) {
    throw new SourceError(
      `Semantic Scholar answered with ${Array.isArray(json) ? `${json.length} papers for ${expected} IDs` : 'no list of papers'}`,
    );
  }
  return json.map((p) =>
    p && typeof p === 'object' && typeof (p as S2Paper).paperId === 'string' ? (p as S2Paper) : null,
  );
}
