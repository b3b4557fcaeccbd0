/**
 * DBLP records by key (https://dblp.org/faq/How+to+use+the+dblp+search+API.html; a record is `{base}/rec/KEY.xml`):
 * the venue (journal or booktitle), year, volume, number, pages, the record's type and its DOI (an `ee` link to
 * doi.org). A key under `journals/corr/` is DBLP's copy of the arXiv record: it proves no publication.
 */
import { load as xmlParser } from '../vendor/xml.js';
import { SourceClient, SourceError, type SourceClientOptions } from './source-client.js';

export const DBLP_URL = 'https://dblp.org';

export interface DblpRecord {
  readonly key: string;
  /** article, inproceedings, ... (the XML element's name). */
  readonly type: string;
  readonly authors: readonly string[];
  readonly title?: string;
  readonly journal?: string;
  readonly booktitle?: string;
  readonly year?: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
  readonly doi?: string;
}

export function isCorrKey(key: string): boolean {
  return key.startsWith('journals/corr/');
}

export class DblpClient extends SourceClient {
  constructor(protected override readonly options: SourceClientOptions = {}) {
    super(options, { name: 'DBLP', url: DBLP_URL, host: 'dblp.org', accept: 'application/xml' });
  }

  /** The record of a key; undefined when DBLP has none (404). */
  /** A person's records by their DBLP pid (`123/4567`); a pid DBLP does not have is a SourceError. */
  async person(pid: string): Promise<DblpRecord[]> {
    const url = `${this.baseUrl}/pid/${pid}.xml`;
    const body = await this.cachedGet(url);
    if (body === undefined) throw new SourceError(`DBLP has no person ${pid}`);
    return parseDblpPerson(body, pid);
  }

  async record(key: string): Promise<DblpRecord | undefined> {
    if (!/^[\w/.+-]+$/.test(key)) throw new SourceError(`"${key}" is not a DBLP key`);
    const url = `${this.baseUrl}/rec/${key}.xml`;
    const body = await this.cachedGet(url, [404, 410]);
    return body === undefined ? undefined : parseDblpRecord(body, key);
  }
}

const TYPES = [
  'article',
  'inproceedings',
  'proceedings',
  'book',
  'incollection',
  'phdthesis',
  'mastersthesis',
  'www',
  'data',
];

/** Text of an element that may carry attributes (`<author pid="...">Name</author>`). */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return String(value).trim();
}
function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A DOI from a link, percent-decoded; as written when its escapes are malformed. */
function decodedDoi(doi: string): string {
  try {
    return decodeURIComponent(doi);
  } catch {
    return doi;
  }
}

function parseXml(xml: string, what: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SourceError(`DBLP's ${what} holds a DTD, which is refused`);
  try {
    return new (xmlParser().XMLParser)({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      htmlEntities: true,
    }).parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    throw new SourceError(`DBLP's ${what} is not XML (${(err as Error).message.split('\n')[0]}): a cut-off response?`);
  }
}

/** A person's records, from `{base}/pid/PID.xml` (`<dblpperson>` with one `<r>` per record). */
export function parseDblpPerson(xml: string, pid: string): DblpRecord[] {
  const doc = parseXml(xml, `person ${pid}`);
  const person = doc.dblpperson as Record<string, unknown> | undefined;
  if (!person) throw new SourceError(`DBLP's answer for the person ${pid} is not a person's record list`);
  return list(person.r).flatMap((r) => {
    const record = typeof r === 'object' && r !== null ? recordIn(r as Record<string, unknown>, pid) : undefined;
    return record ? [record] : [];
  });
}

export function parseDblpRecord(xml: string, key: string): DblpRecord {
  const doc = parseXml(xml, `record ${key}`);
  const root = doc.dblp as Record<string, unknown> | undefined;
  const record = root ? recordIn(root, key) : undefined;
  if (!record) throw new SourceError(`DBLP's answer for ${key} holds no record`);
  return record;
}

/** The record a `<dblp>` or `<r>` element holds (one element named by its type), or undefined. */
function recordIn(parent: Record<string, unknown>, key: string): DblpRecord | undefined {
  const type = TYPES.find((t) => parent[t] !== undefined);
  if (!type) return undefined;
  const rec = list(parent[type])[0] as Record<string, unknown>;
  const doi = list(rec.ee)
    .map(text)
    .map((u) => /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)$/i.exec(u ?? '')?.[1])
    .find((d) => d !== undefined);
  const field = (name: string) => text(rec[name]);
  const optional = (name: string, value: string | undefined) => (value ? { [name]: value } : {});
  return {
    key: text(rec['@key']) ?? key,
    type,
    // DBLP tells homonyms apart with a number: "Joe Benton 0001"
    authors: list(rec.author).map((a) => (text(a) ?? '').replace(/\s+\d{4}$/, '')),
    ...optional('title', field('title')?.replace(/\.$/, '')),
    ...optional('journal', field('journal')),
    ...optional('booktitle', field('booktitle')),
    ...optional('year', field('year')),
    ...optional('volume', field('volume')),
    ...optional('number', field('number')),
    ...optional('pages', field('pages')),
    ...optional('doi', doi ? decodedDoi(doi) : undefined),
  };
}
