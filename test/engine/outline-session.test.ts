/**
 * A list session reads the store in outline and each entry's own problems from the cache (engine/session-store.ts):
 * after one edit it reads that entry whole and no other, and its problems and list are the full parse's, byte for
 * byte. A record or a cached problem follows everything the entry's reading depends on: its @strings (those before
 * it) and the store's @preambles.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderSession } from '../../src/index.js';
import type { Problem } from '../../src/model/problems.js';
import { EMBEDDED_STORE, testListOptions } from '../helpers.js';

interface Run {
  readonly problems: readonly Problem[];
  readonly output: string;
  readonly read: number;
}

async function run(storePath: string, cache: string | undefined, outlineFrom = 0): Promise<Run> {
  const env = { XDG_CACHE_HOME: cache ?? '/nonexistent' };
  const session = new RenderSession({
    storePath,
    env,
    jobs: 0,
    outline: true,
    outlineFrom,
    cache: cache !== undefined,
  });
  try {
    const problems = [...session.load().problems];
    const rendered = await session.render(testListOptions('html'));
    return { problems, output: rendered.output, read: session.entriesRead };
  } finally {
    await session.close();
  }
}

/** The same store read by a session without cache: the full parse, every entry rendered afresh. */
async function fresh(storePath: string): Promise<Omit<Run, 'read'>> {
  const { problems, output } = await run(storePath, undefined);
  return { problems, output };
}

const WARNINGS = `
@string{ conf = "Conference on " # nowhere }
@inproceedings{warned2024,
  title = {A Title with a \u0007 bell},
  title = {Written twice},
  author = {Benton, Joe},
  booktitle = conf # {Tests},
  year = {2024}
}
`;

describe('a list session after one edit', () => {
  it('reads the edited entry only, and says the same problems and prints the same list as a full parse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-outline-'));
    const storePath = join(dir, 'publications.bib');
    const cache = join(dir, 'cache');
    const original = readFileSync(EMBEDDED_STORE, 'utf8') + WARNINGS;
    writeFileSync(storePath, original);

    const first = await run(storePath, cache);
    const expected = await fresh(storePath);
    expect(first.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['undefined-string', 'control-character', 'duplicate-field']),
    );
    expect(first.problems).toEqual(expected.problems);
    expect(first.output).toBe(expected.output);

    const warm = await run(storePath, cache);
    expect(warm.read).toBe(0);
    expect(warm.problems).toEqual(expected.problems);
    expect(JSON.stringify(warm.problems)).toBe(JSON.stringify(expected.problems));
    expect(warm.output).toBe(expected.output);

    // one edit: a title changed, and the entry with warnings moved down by a line
    const edited = original
      .replace(/title = \{([^}]*)\}/, 'title = {Edited: $1}')
      .replace('@string{ conf', '\n@string{ conf');
    writeFileSync(storePath, edited);
    const afterEdit = await run(storePath, cache);
    const expectedAfter = await fresh(storePath);
    expect(afterEdit.read).toBe(1);
    expect(afterEdit.output).toContain('Edited: ');
    expect(afterEdit.output).toBe(expectedAfter.output);
    expect(JSON.stringify(afterEdit.problems)).toBe(JSON.stringify(expectedAfter.problems));
  });

  it('renders an entry again when a @preamble it uses changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-outline-preamble-'));
    const storePath = join(dir, 'p.bib');
    const cache = join(dir, 'cache');
    const store = (name: string): string =>
      `@preamble{"\\newcommand{\\tool}{${name}}"}\n@misc{a, title = {Using \\tool{}}, author = {Benton, Joe}, year = {2024}}\n`;
    writeFileSync(storePath, store('Alpha'));
    expect((await run(storePath, cache)).output).toContain('Using Alpha');
    writeFileSync(storePath, store('Beta'));
    const after = await run(storePath, cache);
    expect(after.output).toContain('Using Beta');
    expect(after.output).toBe((await fresh(storePath)).output);
  });

  it('reads an entry with the @strings defined before it: moving one after it changes the entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-outline-strings-'));
    const storePath = join(dir, 's.bib');
    const cache = join(dir, 'cache');
    const definition = '@string{ven = "Venue of Strings"}\n';
    const entry = '@misc{a, title = {Strings}, howpublished = ven, author = {Benton, Joe}, year = {2024}}\n';
    writeFileSync(storePath, definition + entry);
    const before = await run(storePath, cache);
    expect(before.output).toContain('Venue of Strings');
    writeFileSync(storePath, entry + definition);
    const after = await run(storePath, cache);
    expect(after.output).not.toContain('Venue of Strings');
    expect(after.problems.map((p) => p.code)).toContain('undefined-string');
    expect(after.output).toBe((await fresh(storePath)).output);
    expect(after.problems).toEqual((await fresh(storePath)).problems);
  });

  it('parses a short store whole, warm or not: reading the cache of warnings would cost more', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bibfolio-outline-short-'));
    const cold = await run(EMBEDDED_STORE, cache, 100_000);
    const warm = await run(EMBEDDED_STORE, cache, 100_000);
    expect(warm.read).toBe(cold.read);
    expect(warm.read).toBeGreaterThan(10);
    expect(warm.output).toBe(cold.output);
  });
});
