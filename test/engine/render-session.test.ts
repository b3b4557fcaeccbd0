/**
 * The render engine as the library exposes it: a RenderSession renders a list with the same cache the command line
 * uses, and its output is the command line's, byte for byte, cold and warm.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
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
});
