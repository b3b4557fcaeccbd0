/**
 * The render engine as the library exposes it: a RenderSession renders a list with the same cache the command line
 * uses, and its output is the command line's, byte for byte, cold and warm.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderSession } from '../../src/index.js';
import { cli, EMBEDDED_STORE, testListOptions } from '../helpers.js';

async function render(env: Record<string, string>): Promise<string> {
  const session = new RenderSession({ storePath: EMBEDDED_STORE, env, jobs: 0 });
  try {
    session.load();
    return (await session.render(testListOptions('markdown'))).output;
  } finally {
    await session.close();
  }
}

describe('RenderSession', () => {
  it('renders what `bibfolio format` prints, and keeps its records in the cache folder for the next run', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bibfolio-engine-'));
    const env = { XDG_CACHE_HOME: cache };
    const cold = await render(env);
    expect(existsSync(join(cache, 'bibfolio/entries'))).toBe(true);
    expect(readdirSync(join(cache, 'bibfolio/entries'))).toHaveLength(1);
    const warm = await render(env);
    expect(warm).toBe(cold);
    const printed = await cli([
      'format',
      '--to',
      'markdown',
      '--style',
      'cv',
      '--owner',
      'Joe Benton',
      '--locale',
      'en-US',
    ]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(cold).toBe(printed.stdout);
  });

  it('serves a page from its cached extras only while every entry is unchanged; counts come from the sidecar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-engine-page-'));
    const storePath = join(dir, 'publications.bib');
    copyFileSync(EMBEDDED_STORE, storePath);
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const page = async (): Promise<string> => {
      const session = new RenderSession({ storePath, env, jobs: 0 });
      try {
        session.load();
        const options = testListOptions('html', { standalone: true });
        return (await session.render({ ...options, pageSpec: { selectedFirst: false, bibtexTarget: 'bibtex' } }))
          .output;
      } finally {
        await session.close();
      }
    };
    const cold = await page();
    expect(readdirSync(join(dir, 'cache/bibfolio/pages'))).toHaveLength(1);
    expect(await page()).toBe(cold);
    // one entry gains a code link: the page shows it (the cached extras are not served for the changed store)
    const text = readFileSync(storePath, 'utf8');
    const at = text.indexOf('\n  title') + 1;
    writeFileSync(storePath, `${text.slice(0, at)}code = {https://example.org/code},\n  ${text.slice(at)}`);
    const edited = await page();
    expect(edited).toContain('href="https://example.org/code"');
    expect(cold).not.toContain('href="https://example.org/code"');
    // a citation count written by sync-venues shows on the next page, with the extras from the cache
    const key = /@\w+\{([^,]+),/.exec(text)?.[1] as string;
    const citations = { count: 42, date: '2026-11-25', source: 'Semantic Scholar' };
    writeFileSync(
      `${storePath.replace(/\.bib$/, '')}.sync.json`,
      JSON.stringify({ version: 1, entries: {}, venues: { [key]: { citations } } }),
    );
    expect(await page()).toContain('cited by 42');
  });
});
