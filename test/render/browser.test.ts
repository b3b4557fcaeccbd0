/**
 * The HTML list in a real browser (headless Chromium): the hostile entry's text shows as text, no element comes from
 * the data, the owner is in <strong>, the marks are superscripts. Skipped, with one line saying what to install,
 * where Chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0,
);
if (!chromium) console.warn('Browser tests skipped: Chromium not found. Install it with: apt-get install chromium');

/** The DOM as the browser built it, after scripts (if any) ran. */
function dumpDom(file: string): string {
  const result = spawnSync(
    chromium as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'bibfolio-chromium-'))}`,
      '--dump-dom',
      `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe.skipIf(!chromium)('the HTML list in Chromium', () => {
  it('shows hostile text as text and builds no element from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-browser-'));
    const run = await cli([
      'format',
      '--bib',
      fixture('bib/hostile-title-and-author.bib'),
      '--to',
      'html',
      '--standalone',
      '--link-titles',
    ]);
    expect(run.code).toBe(0);
    // a script in the page would change the title; the data's <script> must not run
    const page = run.stdout.replace('</body>', '<script>document.title = "scripts run";</script></body>');
    writeFileSync(join(dir, 'list.html'), page);
    const dom = dumpDom(join(dir, 'list.html'));
    expect(dom).toContain('<title>scripts run</title>'); // the page's own script ran: the check below means something
    // the page's own script (copy buttons) and the one added above; none from the data
    expect(dom.match(/<script>/g)).toHaveLength(2);
    expect(dom).toContain('Attacks on &lt;script&gt;alert(1)&lt;/script&gt; &amp; 50% of x₁ models');
    // no element from the data: the store's <a href="javascript:..."> is text (in the BibTeX block, quotes and all)
    expect(dom).not.toMatch(/<i>Injected<\/i>|<a [^>]*href="javascript|<a [^>]*onclick/);
    expect(dom).toContain('<strong class="bibfolio-owner">Joe Benton</strong>');
  });

  it('renders the embedded list with the owner in <strong> and the marks as superscripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-browser-'));
    const run = await cli(['format', '--to', 'html', '--standalone', '--out', join(dir, 'list.html')]);
    expect(run.code).toBe(0);
    const dom = dumpDom(join(dir, 'list.html'));
    expect(dom.match(/<li class="bibfolio-entry"/g)).toHaveLength(16);
    expect(dom.match(/<strong class="bibfolio-owner">Joe Benton<\/strong>/g)).toHaveLength(16);
    expect(dom).toContain(
      '<strong class="bibfolio-owner">Joe Benton</strong><sup class="bibfolio-mark">*</sup>, Yuyang Shi<sup class="bibfolio-mark">*</sup>',
    );
  });
});
