/**
 * The publications page in a real browser: the system Chromium driven by puppeteer-core (no browser download),
 * served from 127.0.0.1. For the embedded store and a hostile one: the owner's emphasis, the marks, every button's
 * target, toggles that open and close with the keyboard, a copy button that puts the exact BibTeX on the clipboard,
 * no request to any other host, no horizontal scroll at 360 px, and axe-core's WCAG 2 A/AA rules (contrast and
 * landmarks included) in the light and the dark theme. Light, dark and mobile screenshots are compared with the
 * reviewed goldens in test/page/screenshots/ (UPDATE_SCREENSHOTS=1 writes them). The same for a site's page with
 * the config's header (name, affiliation, photo, profile links) and for a per-entry page (`page.perEntry`). Skipped,
 * with one line, without Chromium.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, ROOT } from '../helpers.js';

const require = createRequire(import.meta.url);
const chromium = ['chromium', 'chromium-browser', 'google-chrome']
  .map((c) => spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).stdout.trim())
  .find((path) => path !== '');
if (!chromium)
  console.warn('Browser page tests skipped: Chromium not found. Install it with: apt-get install chromium');

const SHOTS = join(ROOT, 'test/page/screenshots');
let browser: Browser;
let server: Server;
const pages = new Map<string, string>();
const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function pageOf(argv: string[]): Promise<string> {
  const run = await cli(['format', '--to', 'html', '--standalone', ...argv]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  if (!chromium) return;
  // the page `npm run publications` writes: the config's HTML output
  pages.set('/embedded.html', await pageOf(['--group-by', 'year', '--selected-first', '--link-titles']));
  pages.set('/hostile.html', await pageOf(['--bib', fixture('bib/hostile-page-fields.bib'), '--selected-first']));
  pages.set('/de.html', await pageOf(['--locale', 'de-DE', '--group-by', 'year', '--selected-first']));
  // a lab's page: three people in two roles beside the owner
  const lab = mkdtempSync(join(tmpdir(), 'bibfolio-lab-'));
  writeFileSync(
    join(lab, 'bibfolio.config.json'),
    JSON.stringify({
      owner: { name: 'Arnaud Doucet' },
      store: join(ROOT, 'bib/publications.bib'),
      annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
      people: [
        { name: 'Joe Benton', role: 'student', style: 'mark', mark: '†', legend: 'Student' },
        { name: 'Yuyang Shi', role: 'student', style: 'mark', mark: '†', legend: 'Student' },
        { name: 'George Deligiannidis', role: 'faculty', style: 'underline' },
      ],
      title: 'Doucet group: publications',
    }),
  );
  const labRun = await cli(['format', '--to', 'html', '--standalone', '--group-by', 'year'], lab);
  expect(labRun.code, labRun.stderr).toBe(0);
  pages.set('/lab.html', labRun.stdout);
  pages.set('/ar.html', await pageOf(['--locale', 'ar', '--group-by', 'year', '--selected-first']));
  // a site: the config's header and one page per paper, as `bibfolio publications` writes them
  const site = mkdtempSync(join(tmpdir(), 'bibfolio-site-'));
  mkdirSync(join(site, 'bib'));
  cpSync(join(ROOT, 'bib/publications.bib'), join(site, 'bib/publications.bib'));
  const config = JSON.parse(readFileSync(join(ROOT, 'bibfolio.config.json'), 'utf8')) as Record<string, unknown>;
  config.page = {
    name: 'Joe Benton',
    affiliation: 'Member of Technical Staff, Anthropic',
    photo: 'photo.png',
    links: {
      orcid: 'https://orcid.org/0000-0002-1825-0097',
      scholar: 'https://scholar.google.com/citations?user=joebenton',
      github: 'https://github.com/joebenton',
    },
    perEntry: true,
    search: true,
    chart: true,
  };
  writeFileSync(join(site, 'bibfolio.config.json'), JSON.stringify(config));
  const built = await cli(['publications'], site);
  expect(built.code, built.stderr).toBe(0);
  pages.set('/site/publications.html', readFileSync(join(site, 'dist/publications.html'), 'utf8'));
  pages.set(
    '/site/publications/benton2024denoising/',
    readFileSync(join(site, 'dist/publications/benton2024denoising/index.html'), 'utf8'),
  );
  const photo = new PNG({ width: 96, height: 96 });
  for (let i = 0; i < photo.data.length; i += 4) photo.data.set([70, 110, 160, 255], i);
  const photoBytes = PNG.sync.write(photo);
  server = createServer((req, res) => {
    if (req.url === '/site/photo.png') return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(photoBytes);
    const body = pages.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--disable-lcd-text'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page, recording every request and every dialog (an alert from the data would be one). */
async function open(
  path: string,
  width = 1000,
  dark = false,
): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    if (request.url().startsWith(base())) void request.continue();
    else void request.abort();
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
  await page.goto(base() + path, { waitUntil: 'load' });
  return { page, requests, dialogs };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } });
  })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The fonts the page's families resolve to here: screenshots compare only between machines that draw alike. */
function fonts(): Record<string, string> {
  const match = (family: string) =>
    spawnSync('fc-match', [family], { encoding: 'utf8' }).stdout.trim() || '(fc-match not found)';
  return {
    Georgia: match('Georgia'),
    serif: match('serif'),
    'system-ui': match('system-ui'),
    monospace: match('monospace'),
  };
}
const FONTS = join(SHOTS, 'fonts.json');

function compareScreenshot(name: string, png: Uint8Array): void {
  const path = join(SHOTS, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    writeFileSync(path, png);
    writeFileSync(FONTS, `${JSON.stringify(fonts(), null, 2)}\n`);
    return;
  }
  // a missing golden fails: screenshots are written only on request, and looked at before they are committed
  expect(existsSync(path), `${path} is missing: write it with UPDATE_SCREENSHOTS=1, review it, commit it`).toBe(true);
  const reviewedWith = JSON.parse(readFileSync(FONTS, 'utf8')) as Record<string, string>;
  if (JSON.stringify(reviewedWith) !== JSON.stringify(fonts())) {
    console.warn(`Screenshot ${name} not compared: this machine's fonts differ from the reviewed ones (${FONTS})`);
    return;
  }
  const golden = PNG.sync.read(readFileSync(path));
  const actual = PNG.sync.read(Buffer.from(png));
  expect([actual.width, actual.height], `${name}: size`).toEqual([golden.width, golden.height]);
  const differing = pixelmatch(golden.data, actual.data, null, golden.width, golden.height, { threshold: 0.2 });
  // fonts are rasterised a little differently from one machine to the next: 2% of the pixels may differ
  expect(differing / (golden.width * golden.height), `${name}: share of differing pixels`).toBeLessThan(0.02);
}

describe.skipIf(!chromium)('the publications page in Chromium', () => {
  it('bolds the owner in every entry, marks equal contributions, and every button goes where it says', async () => {
    const { page, requests, dialogs } = await open('/embedded.html');
    const entries = await page.$$eval('li.bibfolio-entry', (lis) =>
      lis.map((li) => ({
        id: li.id,
        owner: [...li.querySelectorAll('.bibfolio-owner')].map((o) => [o.textContent, getComputedStyle(o).fontWeight]),
        marks: [...li.querySelectorAll('sup.bibfolio-mark')].map((m) => m.previousSibling?.textContent),
        buttons: [...li.querySelectorAll('a.bibfolio-button')].map((a) => [
          a.textContent,
          (a as HTMLAnchorElement).href,
        ]),
      })),
    );
    // 16 papers, and the 5 selected ones shown first as well as in their years
    expect(entries).toHaveLength(21);
    expect(new Set(entries.map((e) => e.id.replace(/-2$/, ''))).size).toBe(16);
    for (const entry of entries) expect(entry.owner, entry.id).toEqual([['Joe Benton', '700']]);
    const daudel = entries.find((e) => e.id === 'daudel2023alpha');
    expect(daudel?.marks).toEqual(['Joe Benton', ', Yuyang Shi']);
    expect(daudel?.buttons).toEqual([
      ['arXiv', 'https://arxiv.org/abs/2210.06226'],
      ['PDF', 'https://arxiv.org/pdf/2210.06226'],
    ]);
    const denoising = entries.find((e) => e.id === 'benton2024denoising');
    expect(denoising?.buttons.map(([label]) => label)).toEqual(['arXiv', 'PDF', 'DOI']);
    expect(denoising?.buttons[2]?.[1]).toBe('https://doi.org/10.1093/jrsssb/qkae005');
    // every entry with an arXiv ID links it first; the one without (a NeurIPS paper with no URL) has no button
    for (const entry of entries)
      expect(entry.buttons[0]?.[0], entry.id).toBe(entry.id === 'anil2024manyshot' ? undefined : 'arXiv');
    // one request: the page itself; nothing else, from no host
    expect(requests).toEqual([`${base()}/embedded.html`]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('opens and closes the abstract and BibTeX toggles from the keyboard, and the copy button copies the exact BibTeX', async () => {
    const { page } = await open('/embedded.html');
    await browser
      .defaultBrowserContext()
      .overridePermissions(base(), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const summary = 'li#daudel2023alpha details.bibfolio-bibtex > summary';
    await page.focus(summary);
    await page.keyboard.press('Enter');
    expect(await page.$eval('li#daudel2023alpha details.bibfolio-bibtex', (d) => (d as HTMLDetailsElement).open)).toBe(
      true,
    );
    await page.keyboard.press('Space');
    expect(await page.$eval('li#daudel2023alpha details.bibfolio-bibtex', (d) => (d as HTMLDetailsElement).open)).toBe(
      false,
    );
    await page.keyboard.press('Enter');
    // Tab from the summary reaches the copy button, and Enter presses it
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('bibfolio-copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const exported = await cli(['export-bib', '--keys', 'daudel2023alpha', '--out', '-']);
    expect(copied).toBe(exported.stdout.replace(/^%.*\n\n/, ''));
    await page.close();
  });

  it('has no horizontal scroll at 360 px, every toggle open', async () => {
    for (const path of ['/embedded.html', '/hostile.html']) {
      const { page } = await open(path, 360);
      await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, path).toBeLessThanOrEqual(inner as number);
      await page.close();
    }
  });

  it.each([
    ['light', 1000, false],
    ['dark', 1000, true],
    ['400 px', 400, false],
  ] as const)('passes axe-core (WCAG 2 A and AA, contrast and landmarks) in the %s theme', async (_, width, dark) => {
    const { page } = await open('/embedded.html', width, dark);
    await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps a hostile store as text: no script runs, no element or link comes from the data', async () => {
    const { page, requests, dialogs } = await open('/hostile.html');
    await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.hover('li#hostile');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([`${base()}/hostile.html`]);
    const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => !/^(https:\/\/|#)/.test(h ?? ''))).toEqual([]);
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.$$eval('img, i', (s) => s.length)).toBe(0);
    const abstract = await page.$eval('li#hostile .bibfolio-abstract p', (p) => p.textContent);
    expect(abstract).toBe(
      'An abstract with <img src=x onerror=alert(1)> and </details></li></ul><script>alert(2)</script>.',
    );
    expect(await page.$$eval('li.bibfolio-entry', (lis) => lis.map((li) => li.id))).toEqual([
      'hostile',
      'quotes"and<tags>',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['light', 1000, false],
    ['dark', 1000, true],
    ['mobile', 360, false],
  ] as const)(
    'looks as reviewed: %s (the top of the page, and an entry with its BibTeX open)',
    async (name, width, dark) => {
      const { page } = await open('/embedded.html', width, dark);
      await page.evaluate(() => document.fonts.ready);
      compareScreenshot(name, await page.screenshot());
      const entry = await page.$('li#daudel2023alpha');
      await page.$eval('li#daudel2023alpha details.bibfolio-bibtex', (d) => ((d as HTMLDetailsElement).open = true));
      compareScreenshot(`${name}-entry`, (await entry?.screenshot()) as Uint8Array);
      await page.close();
    },
  );

  it.each([
    ['light', false],
    ['dark', true],
  ] as const)('a site page with the header, and a per-entry page, pass axe-core in the %s theme', async (_, dark) => {
    for (const path of ['/site/publications.html', '/site/publications/benton2024denoising/']) {
      const { page, requests } = await open(path, 1000, dark);
      expect(await axeViolations(page), path).toEqual([]);
      expect(
        requests.every((r) => r.startsWith(base())),
        path,
      ).toBe(true);
      await page.close();
    }
  });

  it('the header and the per-entry page look as reviewed; the way back lands on the entry', async () => {
    const { page } = await open('/site/publications.html', 1000);
    await page.evaluate(() => document.fonts.ready);
    const header = await page.$('header.bibfolio-header');
    compareScreenshot('site-header', (await header?.screenshot()) as Uint8Array);
    // the top of the page: header, chart of publications per year, search box
    compareScreenshot('site-page', await page.screenshot());
    await page.close();
    const entry = await open('/site/publications/benton2024denoising/', 1000);
    await entry.page.evaluate(() => document.fonts.ready);
    compareScreenshot('entry-page', await entry.page.screenshot());
    await Promise.all([entry.page.waitForNavigation(), entry.page.click('nav.bibfolio-back a')]);
    expect(entry.page.url()).toBe(`${base()}/site/publications.html#benton2024denoising`);
    await entry.page.close();
  });

  it('a German page and an Arabic one (right to left) pass axe-core; the German page looks as reviewed', async () => {
    for (const path of ['/de.html', '/ar.html']) {
      const { page } = await open(path, 1000);
      expect(await axeViolations(page), path).toEqual([]);
      if (path === '/ar.html') expect(await page.$eval('html', (h) => getComputedStyle(h).direction)).toBe('rtl');
      else {
        await page.evaluate(() => document.fonts.ready);
        compareScreenshot('german', await page.screenshot());
      }
      await page.close();
    }
  });

  it('the search box filters by any words of an entry, counts each paper once, and hides empty sections', async () => {
    const { page } = await open('/site/publications.html', 1000);
    expect(await page.$eval('.bibfolio-search', (d) => (d as HTMLElement).hidden)).toBe(false);
    await page.type('#bibfolio-q', 'flow MATCHING deligiannidis');
    const visible = await page.$$eval('li.bibfolio-entry', (lis) =>
      lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.getAttribute('data-key')),
    );
    // listed among the selected papers and in its year
    expect(visible).toEqual(['benton2024error', 'benton2024error']);
    expect(await page.$eval('output.bibfolio-found', (o) => o.textContent)).toBe('1 / 16');
    expect(await page.$eval('#year-2025', (h) => (h.closest('section') as HTMLElement).hidden)).toBe(true);
    await page.click('#bibfolio-q', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    expect(await page.$$eval('li.bibfolio-entry[hidden]', (lis) => lis.length)).toBe(0);
    // the chart's text alternative says what the year sections count
    const chart = await page.$eval('.bibfolio-chart svg', (svg) => svg.getAttribute('aria-label'));
    const sections = await page.$$eval('h2[id^="year-"]', (hs) =>
      hs.map((h) => (h.textContent ?? '').replace(/^(\d+) \((\d+)\)$/, '$1: $2')).reverse(),
    );
    expect(chart).toBe(`Publications per year: ${sections.join(', ')}`);
    expect(chart).toBe('Publications per year: 2022: 2, 2023: 2, 2024: 6, 2025: 6');
    await page.close();
  });

  it("a lab's page (three people, two roles) passes axe-core and looks as reviewed", async () => {
    const { page } = await open('/lab.html', 1000);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.fonts.ready);
    compareScreenshot('lab', await page.screenshot());
    // an entry with both roles and the owner: the students marked, the faculty member underlined, the owner bold
    const both = await page.$('li#benton2024denoising');
    compareScreenshot('lab-entry', (await both?.screenshot()) as Uint8Array);
    await page.close();
  });
});
