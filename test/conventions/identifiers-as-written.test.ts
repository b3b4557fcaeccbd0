/**
 * Convention: DBLP escapes the underscores of its DOIs (`10.1007/978-3-030-30484-3\_3`), and stores escape `%` and
 * `&` in addresses. A list links and shows the identifier's own characters; the export writes them so that
 * `\url` and biblatex's `doi` read them.
 */
import { describe, expect, it } from 'vitest';
import { addressText } from '../../src/conventions/read-entry.js';
import { itemsOf, render } from '../helpers.js';

const DBLP = String.raw`@inproceedings{DBLP:conf/icann/DashSJB19,
  author = {Joe Benton and Tirtharaj Dash},
  title = {Learning with Noise},
  booktitle = {{ICANN}},
  doi = {10.1007/978-3-030-30484-3\_3},
  url = {https://example.org/a\_b?x=1\&y=a\%20b},
  year = {2019},
}
`;

describe('identifiers as written by DBLP', () => {
  it('unescapes the characters an identifier or address holds', () => {
    expect(addressText('10.1007/978-3-030-30484-3\\_3')).toBe('10.1007/978-3-030-30484-3_3');
    expect(addressText('https://x.org/a{\\_}b?q=1\\&r=2\\%')).toBe('https://x.org/a_b?q=1&r=2%');
  });

  it('a list shows and links the DOI without the backslash', () => {
    const item = itemsOf(DBLP)[0];
    expect(item?.DOI).toBe('10.1007/978-3-030-30484-3_3');
    expect(item?.URL).toBe('https://example.org/a_b?x=1&y=a%20b');
    const html = render(itemsOf(DBLP), 'html', { linkTitles: true });
    expect(html).toContain('href="https://example.org/a_b?x=1&amp;y=a%20b"');
    expect(html).not.toContain('\\_');
  });
});
