/**
 * The identifier chain, per entry with an arXiv ID or a DOI: Semantic Scholar in batches; then DBLP's record of the
 * key Semantic Scholar gives (not a CoRR key); then Crossref for one DOI (the store's, else DBLP's, else Semantic
 * Scholar's; never arXiv's own 10.48550 DOIs). The clients are injected; a source that fails for good throws
 * SourceError and nothing is decided.
 */
import { arxivIdOfFields } from '../model/arxiv-id.js';
import type { ParsedStore } from '../store/parse.js';
import { familiesOfBibtex } from './authors.js';
import type { CrossrefClient } from './crossref.js';
import { isCorrKey, type DblpClient } from './dblp.js';
import { decide, type Decision, type Evidence } from './decide.js';
import type { SemanticScholarClient } from './semantic-scholar.js';

export interface VenueClients {
  readonly semanticScholar: SemanticScholarClient;
  readonly dblp: DblpClient;
  readonly crossref: CrossrefClient;
}

export interface Looked {
  /** The identifier asked (`arXiv:ID`, `DOI:...`). */
  readonly id: string;
  readonly evidence: Evidence;
  readonly decision: Decision;
  readonly citations?: number;
}

const ARXIV_DOI = /^10\.48550\/arxiv\./i;

function storeDoi(value: string | undefined): string | undefined {
  const doi = value?.trim().replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  return doi && /^10\.\d{4,9}\/\S+$/.test(doi) && !ARXIV_DOI.test(doi) ? doi : undefined;
}

/** The entries the chain asks about, with their identifiers. `keys` narrows them. */
export function venueTargets(
  store: ParsedStore,
  keys?: ReadonlySet<string>,
): { key: string; id: string; arxiv?: string; doi?: string; author: string }[] {
  const out = [];
  for (const entry of store.entries) {
    if (keys && !keys.has(entry.key)) continue;
    const arxiv = arxivIdOfFields(entry.fields)?.id;
    const doi = storeDoi(entry.fields.get('doi'));
    if (!arxiv && !doi) continue;
    out.push({
      key: entry.key,
      id: arxiv ? `arXiv:${arxiv}` : `DOI:${doi}`,
      ...(arxiv ? { arxiv } : {}),
      ...(doi ? { doi } : {}),
      author: entry.fields.get('author') ?? '',
    });
  }
  return out;
}

export async function lookUpVenues(
  store: ParsedStore,
  clients: VenueClients,
  options: { keys?: ReadonlySet<string>; onStep?: (step: string) => void } = {},
): Promise<Map<string, Looked>> {
  const targets = venueTargets(store, options.keys);
  options.onStep?.(`Semantic Scholar: ${targets.length} identifiers`);
  const papers =
    targets.length > 0 ? await clients.semanticScholar.papers([...new Set(targets.map((t) => t.id))]) : new Map();
  const out = new Map<string, Looked>();
  let done = 0;
  for (const target of targets) {
    const s2 = papers.get(target.id) ?? null;
    const dblpKey = s2?.externalIds?.DBLP;
    options.onStep?.(`${++done}/${targets.length} ${target.key}`);
    const dblp = typeof dblpKey === 'string' && !isCorrKey(dblpKey) ? await clients.dblp.record(dblpKey) : undefined;
    const s2Doi = typeof s2?.externalIds?.DOI === 'string' ? storeDoi(s2.externalIds.DOI) : undefined;
    const [doi, from] = target.doi
      ? [target.doi, 'store' as const]
      : dblp?.doi && !ARXIV_DOI.test(dblp.doi)
        ? [dblp.doi, 'dblp' as const]
        : s2Doi
          ? [s2Doi, 'semantic-scholar' as const]
          : [undefined, undefined];
    const crossref = doi ? await clients.crossref.work(doi) : undefined;
    const evidence: Evidence = {
      key: target.key,
      authors: familiesOfBibtex(target.author),
      s2,
      ...(target.arxiv ? { arxiv: target.arxiv } : {}),
      ...(target.doi ? { doi: target.doi } : {}),
      ...(dblp ? { dblp } : {}),
      ...(crossref ? { crossref, crossrefDoiFrom: from } : {}),
    };
    const citations = typeof s2?.citationCount === 'number' ? s2.citationCount : undefined;
    out.set(target.key, {
      id: target.id,
      evidence,
      decision: decide(evidence),
      ...(citations !== undefined ? { citations } : {}),
    });
  }
  return out;
}
