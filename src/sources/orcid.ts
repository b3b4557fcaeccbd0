/**
 * A researcher's works from ORCID's public API v3.0 (https://info.orcid.org/documentation/api-tutorials/;
 * `GET {orcidUrl}/v3.0/{iD}/works`, `Accept: application/json`): one group per work, each with its summaries and the
 * external identifiers ORCID grouped it by. Only the identifiers a paper can be fetched by are read (DOI, arXiv);
 * a work with neither is kept with its title, to be reported, never guessed. The arXiv client's discipline.
 */
import { parseArxivId } from '../model/arxiv-id.js';
import { SourceClient, SourceError, type SourceClientOptions } from '../venues/source-client.js';
import { cleanDoi } from '../model/identifiers.js';

export const ORCID_URL = 'https://pub.orcid.org';

export interface OrcidWork {
  readonly title?: string;
  readonly year?: string;
  readonly doi?: string;
  readonly arxiv?: string;
}

/** An ORCID iD, bare or as its URL, checked (ISO 7064 11-2 check digit); undefined when it is none. */
export function parseOrcid(text: string): string | undefined {
  const m = /^(?:https?:\/\/(?:www\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i.exec(text.trim());
  if (!m) return undefined;
  const id = (m[1] as string).toUpperCase();
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const ch of digits.slice(0, -1)) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  return (check === 10 ? 'X' : String(check)) === digits.slice(-1) ? id : undefined;
}

interface ExternalIds {
  readonly 'external-id'?: readonly { readonly 'external-id-type'?: string; readonly 'external-id-value'?: string }[];
}
interface Summary {
  readonly title?: { readonly title?: { readonly value?: string } };
  readonly 'external-ids'?: ExternalIds;
  readonly 'publication-date'?: { readonly year?: { readonly value?: string } } | null;
}
interface WorksResponse {
  readonly group?: readonly { readonly 'external-ids'?: ExternalIds; readonly 'work-summary'?: readonly Summary[] }[];
}

export function parseOrcidWorks(body: string, orcid: string): OrcidWork[] {
  let json: WorksResponse;
  try {
    json = JSON.parse(body) as WorksResponse;
  } catch {
    throw new SourceError(`ORCID's answer for ${orcid} is not JSON`);
  }
  if (!Array.isArray(json.group)) throw new SourceError(`ORCID's answer for ${orcid} has no list of works`);
  return json.group.map((group) => {
    const summary = group['work-summary']?.[0];
    const ids = [
      ...(group['external-ids']?.['external-id'] ?? []),
      ...(summary?.['external-ids']?.['external-id'] ?? []),
    ];
    let doi: string | undefined;
    let arxiv: string | undefined;
    for (const id of ids) {
      const type = (id['external-id-type'] ?? '').toLowerCase();
      const value = id['external-id-value'] ?? '';
      if (type === 'doi') doi ??= cleanDoi(value);
      if (type === 'arxiv') arxiv ??= parseArxivId(value)?.id;
    }
    const title = summary?.title?.title?.value?.trim();
    const year = summary?.['publication-date']?.year?.value;
    return {
      ...(title ? { title } : {}),
      ...(year ? { year } : {}),
      ...(doi ? { doi } : {}),
      ...(arxiv ? { arxiv } : {}),
    };
  });
}

export class OrcidClient extends SourceClient {
  constructor(protected override readonly options: SourceClientOptions = {}) {
    super(options, { name: 'ORCID', url: ORCID_URL, host: 'orcid.org', accept: 'application/json' });
  }

  /** The works of an ORCID record; a record ORCID does not have is a SourceError. */
  async works(orcid: string): Promise<OrcidWork[]> {
    const url = `${this.baseUrl}/v3.0/${orcid}/works`;
    const body = await this.cachedGet(url);
    if (body === undefined) throw new SourceError(`ORCID has no public record ${orcid}`);
    return parseOrcidWorks(body, orcid);
  }
}
