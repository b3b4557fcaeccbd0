/**
 * The README's command table is generated from the commands themselves (`npm run readme`), as `--help` and the
 * completion are: a command, flag or description changed in the code and not in the README fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandTable, TABLE_END, TABLE_START, withCommandTable } from '../../src/cli/command-table.js';
import { buildProgram } from '../../src/cli/program.js';
import { ROOT } from '../helpers.js';

const io = { cwd: ROOT, env: {}, interactive: false, stdout: () => undefined, stderr: () => undefined };

describe("the README's command table", () => {
  it('is the table the commands make (run `npm run readme` after changing a command)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(TABLE_START);
    expect(readme).toContain(TABLE_END);
    expect(withCommandTable(readme, commandTable(await buildProgram(io)))).toBe(readme);
  });

  it('has a row for every command, with its arguments, and each service flag once', async () => {
    const table = commandTable(await buildProgram(io));
    for (const usage of [
      'bibfolio add <ids...>',
      'bibfolio import <source> [id]',
      'bibfolio sync',
      'bibfolio styles add <names...>',
      'bibfolio export-bib',
    ])
      expect(table).toContain(`| \`${usage}\` |`);
    expect(table.match(/--datacite-url URL/g)).toHaveLength(1);
    expect(table).not.toContain('--target');
  });

  it("keeps the README a user's page: at most 250 lines, the design in docs/", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    for (const doc of readme.matchAll(/\]\((docs\/[\w./-]+?)(?:#[\w-]+)?\)/g))
      expect(existsSync(join(ROOT, doc[1] as string)), doc[1]).toBe(true);
  });
});
