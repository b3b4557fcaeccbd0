/**
 * The arXiv API's Atom feed -> records. Pure.
 *
 * Hardened: the body is size-capped, a document with a DTD (`<!DOCTYPE`, `<!ENTITY`) is refused, so no entity can be
 * defined, expanded or fetched; only XML's five predefined entities and character references are decoded.
 * Tolerant of what the real API does: element order is not fixed, titles and summaries carry line breaks and runs of
 * spaces, `<id>` carries the version (and is http while links are https), a malformed ID gives a feed whose single
 * entry is titled "Error".
 */
import { load as xml, type Xml } from '../vendor/xml.js';
import { cleanCategory, cleanDoi } from '../model/identifiers.js';
import { plainText } from '../store/field-text.js';
import { parseArxivId } from '../model/arxiv-id.js';
import { lookupTable } from '../model/lookup-table.js';

export const MAX_FEED_BYTES = 20 * 1024 * 1024;

export interface ArxivAuthor {
  readonly name: string;
  readonly affiliations: readonly string[];
}

export interface ArxivRecord {
  /** Without version: `2506.15740`. */
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly summary: string;
  readonly authors: readonly ArxivAuthor[];
  /** ISO date of the first version. */
  readonly published: string;
  /** ISO date of the returned version. */
  readonly updated: string;
  readonly doi?: string;
  readonly journalRef?: string;
  readonly comment?: string;
  readonly primaryCategory?: string;
  readonly categories: readonly string[];
}

export interface ParsedFeed {
  readonly records: readonly ArxivRecord[];
  readonly totalResults?: number;
  /** Messages of "Error" entries (arXiv's way of rejecting a request). */
  readonly errors: readonly string[];
}

export class FeedError extends Error {}

let parser: InstanceType<Xml['XMLParser']> | undefined;
const atomParser = (): InstanceType<Xml['XMLParser']> =>
  (parser ??= new (xml().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ['entry', 'author', 'link', 'category', 'affiliation'].includes(name),
  }));

/** Collapses line breaks and runs of white space, as arXiv's own pages do. */
/** Text from the feed on one line, spaces folded, control characters removed. */
export function collapseSpace(text: string): string {
  return plainText(text.replace(/\s+/g, ' '));
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as Record<string, unknown>)['#text']);
  return '';
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

const MARKUP_CHARS: Readonly<Record<string, string>> = lookupTable({
  '<': '&lt;',
  '&': '&amp;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
});

/** Numeric character references (`&#233;`) as characters; those that are markup stay entities. */
function decodeCharacterReferences(xml: string): string {
  return xml.replace(/&#(x[0-9a-f]+|\d+);/gi, (ref, n: string) => {
    const code = n[0] === 'x' || n[0] === 'X' ? Number.parseInt(n.slice(1), 16) : Number(n);
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return ref;
    const ch = String.fromCodePoint(code);
    return MARKUP_CHARS[ch] ?? ch;
  });
}

export function parseFeed(xml: string): ParsedFeed {
  if (Buffer.byteLength(xml, 'utf8') > MAX_FEED_BYTES)
    throw new FeedError(`the response is larger than ${MAX_FEED_BYTES} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new FeedError('the response declares a DTD or entities; refused');
  let doc: Record<string, unknown>;
  try {
    doc = atomParser().parse(decodeCharacterReferences(xml), true) as Record<string, unknown>;
  } catch (err) {
    throw new FeedError(`the response is not well-formed XML: ${(err as Error).message.split('\n')[0]}`);
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (!feed || typeof feed !== 'object') throw new FeedError('the response is not an Atom feed');
  const records: ArxivRecord[] = [];
  const errors: string[] = [];
  for (const raw of list(feed.entry)) {
    const entry = raw as Record<string, unknown>;
    const title = collapseSpace(text(entry.title));
    const idText = text(entry.id);
    if (title === 'Error' || idText.includes('/api/errors')) {
      errors.push(collapseSpace(text(entry.summary)) || idText);
      continue;
    }
    const record = toRecord(entry, idText, title);
    if (record) records.push(record);
  }
  const total = Number(text(feed.totalResults));
  return {
    records,
    errors,
    ...(Number.isFinite(total) && text(feed.totalResults) !== '' ? { totalResults: total } : {}),
  };
}

function toRecord(entry: Record<string, unknown>, idText: string, title: string): ArxivRecord | undefined {
  const m = /arxiv\.org\/abs\/(.+)$/.exec(idText.trim());
  const parsed = m?.[1] ? parseArxivId(m[1]) : undefined;
  if (!parsed) return undefined;
  const authors = list(entry.author).map((a) => {
    const author = a as Record<string, unknown>;
    return {
      name: collapseSpace(text(author.name)),
      affiliations: list(author.affiliation)
        .map((x) => collapseSpace(text(x)))
        .filter(Boolean),
    };
  });
  const categories = list(entry.category)
    .map((c) => text((c as Record<string, unknown>)['@term']))
    .filter(Boolean);
  const primary =
    cleanCategory(text((entry.primary_category as Record<string, unknown> | undefined)?.['@term'])) ??
    cleanCategory(categories[0]);
  const doi = cleanDoi(collapseSpace(text(entry.doi)));
  const journalRef = collapseSpace(text(entry.journal_ref));
  const comment = collapseSpace(text(entry.comment));
  return {
    id: parsed.id,
    version: parsed.version ?? 1,
    title,
    summary: collapseSpace(text(entry.summary)),
    authors,
    published: text(entry.published).trim(),
    updated: text(entry.updated).trim(),
    categories,
    ...(primary ? { primaryCategory: primary } : {}),
    ...(doi ? { doi } : {}),
    ...(journalRef ? { journalRef } : {}),
    ...(comment ? { comment } : {}),
  };
}
