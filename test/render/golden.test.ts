/**
 * Golden outputs of the embedded store in every format and style. Regenerate with `UPDATE_GOLDEN=1 npm test` and
 * review the diff by eye before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStyle } from '../../src/csl/registry.js';
import type { GroupBy } from '../../src/render/group.js';
import type { OutputFormat } from '../../src/render/list.js';
import { embeddedItems, render, ROOT } from '../helpers.js';

const GOLDEN = join(ROOT, 'test/golden');
const EXTENSIONS: Record<Exclude<OutputFormat, 'yaml' | 'svg'>, string> = {
  markdown: 'md',
  html: 'html',
  latex: 'tex',
  text: 'txt',
  json: 'json',
};

const cases: Array<{
  name: string;
  style: string;
  format: OutputFormat;
  groupBy?: GroupBy;
  linkTitles?: boolean;
  selectedOnly?: boolean;
}> = [];
for (const style of ['cv', 'apa', 'vancouver', 'harvard1']) {
  for (const format of ['markdown', 'html', 'latex', 'text'] as const)
    cases.push({ name: `${style}.${EXTENSIONS[format]}`, style, format });
}
cases.push({ name: 'cv.json', style: 'cv', format: 'json' });
cases.push({ name: 'cv-by-year-linked.md', style: 'cv', format: 'markdown', groupBy: 'year', linkTitles: true });
cases.push({ name: 'cv-by-type.html', style: 'cv', format: 'html', groupBy: 'type' });
cases.push({ name: 'cv-selected.txt', style: 'cv', format: 'text', selectedOnly: true });

describe('golden outputs of the embedded store', () => {
  const items = embeddedItems();
  it.each(cases)('$name', ({ name, style, format, groupBy, linkTitles, selectedOnly }) => {
    const output = render(items, format, {
      style: loadStyle(style),
      groupBy: groupBy ?? 'none',
      linkTitles: linkTitles ?? false,
      selectedOnly: selectedOnly ?? false,
    });
    const path = join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, output);
    }
    // a missing golden fails: it is written only on request, and looked at before it is committed
    expect(existsSync(path), `${name} is missing: write it with UPDATE_GOLDEN=1, review it, commit it`).toBe(true);
    expect(output).toBe(readFileSync(path, 'utf8'));
  });
});
