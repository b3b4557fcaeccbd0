/** The Atom parser on every real recorded arXiv response in ../shared/fixtures/arxiv-real/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../src/arxiv/atom.js';
import { SHARED } from '../helpers.js';

const DIR = join(SHARED, 'fixtures/arxiv-real');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Array<{
  file: string;
  http_status: number;
}>;
const feed = (prefix: string) => {
  const file = manifest.find((m) => m.file.startsWith(prefix))?.file ?? '';
  return parseFeed(readFileSync(join(DIR, file), 'utf8'));
};

describe('parseFeed on the real recorded responses', () => {
  it.each(manifest)('$file parses', ({ file, http_status }) => {
    const parsed = parseFeed(readFileSync(join(DIR, file), 'utf8'));
    if (http_status === 400) expect(parsed.errors.length).toBe(1);
    else expect(parsed.errors).toEqual([]);
    for (const r of parsed.records) {
      expect(r.id).toMatch(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/);
      expect(r.title).not.toMatch(/\s{2,}|\n/);
      expect(r.summary).not.toMatch(/\n/);
      expect(r.authors.length).toBeGreaterThan(0);
      expect(r.published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('reads the 34 authors of 1707.08567, with their non-ASCII names', () => {
    const [record] = feed('id_1707.08567_').records;
    expect(record?.id).toBe('1707.08567');
    expect(record?.authors).toHaveLength(34);
    expect(record?.authors.some((a) => /[^\x00-\x7f]/.test(a.name))).toBe(true);
    expect(record?.version).toBeGreaterThanOrEqual(1);
  });

  it('reads the 400 error feed of a malformed ID as an error, not as a paper', () => {
    const parsed = feed('id_abc_');
    expect(parsed.records).toEqual([]);
    expect(parsed.errors).toEqual(['incorrect id format for abc']);
  });

  it('returns only the existing entry of a batch with a missing ID', () => {
    expect(feed('id_0808.05394_1707.08567_').records.map((r) => r.id)).toEqual(['1707.08567']);
    expect(feed('id_0808.05394_s0').records).toEqual([]);
    expect(feed('id_0000.0000_').records).toEqual([]);
  });

  it('reads old-style IDs, versions, journal references and the primary category', () => {
    const [astro] = feed('id_astro-ph_0601001_').records;
    expect(astro?.id).toBe('astro-ph/0601001');
    const [quant] = feed('id_quant-ph_0201082v1_').records;
    expect(quant).toMatchObject({
      id: 'quant-ph/0201082',
      version: 1,
      primaryCategory: 'quant-ph',
      published: '2002-01-18T15:08:05Z',
      comment: '32 pages',
    });
    expect(quant?.authors).toEqual([{ name: 'Stephen Blaha', affiliations: [] }]);
    const refs = [astro, ...feed('q_testing_s0_m100').records].filter((r) => r?.journalRef);
    expect(refs.length).toBeGreaterThan(10);
  });

  it('reads DOIs, LaTeX in titles and summaries with paragraph breaks from the search pages', () => {
    const records = feed('q_testing_s0_m100').records;
    expect(records).toHaveLength(100);
    expect(records.filter((r) => r.doi).length).toBe(32);
    expect(records.some((r) => r.title.includes('$'))).toBe(true);
    expect(records.find((r) => r.title.startsWith('$ω$Test'))?.title).toBe(
      '$ω$Test: WebView-Oriented Testing for Android Applications',
    );
  });
});

describe('parseFeed hardening', () => {
  it('refuses a DTD, so no entity is defined, expanded or fetched', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><feed>&lol2;</feed>';
    expect(() => parseFeed(bomb)).toThrowError(FeedError);
    const external =
      '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><feed><title>&xxe;</title></feed>';
    expect(() => parseFeed(external)).toThrowError(/DTD/);
  });

  it('decodes only the predefined entities', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2506.15740v1</id><title>A &amp; B &lt;C&gt; &#233;</title><published>2025-06-18T00:00:00Z</published><author><name>X</name></author></entry></feed>';
    expect(parseFeed(xml).records[0]?.title).toBe('A & B <C> é');
  });

  it('refuses what is not an Atom feed, or too large', () => {
    expect(() => parseFeed('<html><body>busy</body></html>')).toThrowError(/not an Atom feed/);
    expect(() => parseFeed('<feed><entry>')).toThrowError(FeedError);
    expect(() => parseFeed(`<feed>${' '.repeat(21 * 1024 * 1024)}</feed>`)).toThrowError(/larger than/);
  });
});
