/**
 * The shape of the code: no import cycles among src/ modules (type imports included, as madge counts them), the
 * layer rules of .dependency-cruiser.cjs (docs/architecture.md) checked by dependency-cruiser, the tests type-checked
 * with the sources, src/index.ts re-exports only, and the heavy packages are reached only through src/vendor (loaded
 * on first use).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.c?ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]/g)) {
    out.push(resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
  }
  return out;
}

function runBin(bin: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

describe('the architecture', () => {
  it('keeps the layer rules: dependency-cruiser finds no upward import and no cycle', () => {
    const run = runBin('dependency-cruiser/bin/dependency-cruise.mjs', [
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
    ]);
    expect(run.output).toMatch(/no dependency violations found \((\d{3}) modules/);
    expect(run.status, run.output).toBe(0);
  });

  it('type-checks the tests with the sources (tsconfig.test.json)', () => {
    const run = runBin('typescript/bin/tsc', ['-p', 'tsconfig.test.json']);
    expect(run.output.trim()).toBe('');
    expect(run.status).toBe(0);
  }, 240_000);

  it('has no import cycles in src/', () => {
    const files = sources(SRC);
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' > '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(files.length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });

  it('src/index.ts only re-exports', () => {
    const lines = readFileSync(join(SRC, 'index.ts'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s*(\/\/|\/\*|\*)/.test(l));
    const statements = lines
      .join('\n')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of statements) expect(s).toMatch(/^export\s/);
  });

  it('imports the heavy packages only through src/vendor, and calls their load() only inside functions', () => {
    const heavy =
      /^(citeproc|@citation-js\/(core|name|plugin-bibtex|plugin-csl)|unicode2latex|axios|yaml|fast-xml-parser)$/;
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const name = relative(SRC, file);
      const text = readFileSync(file, 'utf8');
      if (name.startsWith('vendor/')) continue;
      for (const m of text.matchAll(/(?:^|\n)\s*import\s+(type\s+)?[^'";]*?from\s+['"]([^'".][^'"]*)['"]/g)) {
        if (!m[1] && heavy.test(m[2] as string)) offenders.push(`${name}: imports ${m[2]}`);
      }
      // a load() at the top level of a module would load the package at start-up
      for (const m of text.matchAll(/^(?:export\s+)?(?:const|let|var)\s+\w+\s*=\s*[\w.]*\(\)\./gm)) {
        if (/import\s*\{[^}]*\bload as\b/.test(text)) offenders.push(`${name}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has a bundle of its own for every package in src/vendor', () => {
    const vendors = readdirSync(join(SRC, 'vendor')).filter((f) => f.endsWith('.ts') && f !== 'load-bundled.ts');
    expect(vendors.length).toBeGreaterThanOrEqual(6);
    for (const file of vendors) {
      expect(statSync(join(ROOT, 'dist', 'bundles', file.replace(/\.ts$/, '.cjs'))).size).toBeGreaterThan(1000);
      expect(readFileSync(join(SRC, 'vendor', file), 'utf8')).toMatch(
        /export const load = \(\)[^\n]*\nexport default /,
      );
    }
  });
});
