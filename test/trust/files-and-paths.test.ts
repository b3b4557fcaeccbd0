/**
 * The file system as an attacker or an unlucky user leaves it: outputs that name the store, its sidecar or the
 * config (directly, through `..` or a symlink), config outputs that leave the project, style names and renamed-style
 * targets that are paths or Object's own property names, symlinks planted where temporary files go, damaged side
 * files, and names such as `constructor` in the store.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomicallySync } from '../../src/store/atomic-write.js';
import { cli, ROOT, SHARED } from '../helpers.js';

function project(config: Record<string, unknown> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'bibfolio-paths-'));
  const dir = join(root, 'site');
  mkdirSync(dir);
  cpSync(join(ROOT, 'bib'), join(dir, 'bib'), { recursive: true });
  const base = JSON.parse(readFileSync(join(ROOT, 'bibfolio.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify({ ...base, ...config }));
  writeFileSync(join(dir, 'bib/publications.sync.json'), '{"version":1,"entries":{}}\n');
  return dir;
}

const snapshot = (dir: string) =>
  ['bib/publications.bib', 'bib/publications.sync.json', 'bibfolio.config.json'].map((f) =>
    readFileSync(join(dir, f), 'utf8'),
  );

describe('no output replaces the store, its sidecar or the config', () => {
  it.each([
    ['format --out STORE', ['format', '--out', 'bib/publications.bib']],
    ['format --out ./out/../STORE', ['format', '--out', './out/../bib/publications.bib']],
    ['format --out SIDECAR', ['format', '--out', 'bib/publications.sync.json']],
    ['format --out CONFIG', ['format', '--to', 'json', '--out', 'bibfolio.config.json']],
    ['export-bib --out STORE', ['export-bib', '--out', 'bib/publications.bib']],
    ['format --out a symlink to the store', ['format', '--out', 'link.md']],
  ])('%s: refused in one line, nothing written', async (_, argv) => {
    const dir = project();
    symlinkSync(join(dir, 'bib/publications.bib'), join(dir, 'link.md'));
    const before = snapshot(dir);
    const run = await cli(argv, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^bibfolio: .* an output never replaces the store, its sidecar or the config; nothing was written\n$/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['a config output', { outputs: [{ path: 'bib/publications.bib', format: 'markdown' }] }, ['publications']],
    [
      'a config output through ..',
      { outputs: [{ path: 'dist/../bib/publications.bib', format: 'text' }] },
      ['publications'],
    ],
    ['export.out', { export: { target: 'bibtex', out: 'bib/publications.bib' } }, ['export-bib']],
  ])('%s naming the store: refused, nothing written', async (_, config, argv) => {
    const dir = project(config);
    const before = snapshot(dir);
    const run = await cli(argv, dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/is .*publications\.bib itself: an output never replaces the store/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a config output outside the project is refused; the same path given with --out is written', async () => {
    const dir = project({ outputs: [{ path: '../outside/x.md', format: 'markdown' }] });
    const run = await cli(['publications'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /outputs\[0\]\.path .*outside\/x\.md is outside the project folder .*; name it on the command line/,
    );
    expect(existsSync(join(dir, '../outside/x.md'))).toBe(false);
    mkdirSync(join(dir, '../outside'));
    const asked = await cli(['format', '--out', '../outside/x.md'], dir);
    expect(asked.code, asked.stderr).toBe(0);
    expect(readFileSync(join(dir, '../outside/x.md'), 'utf8')).toContain('Benton');
  });
});

describe('temporary files', () => {
  it('a symlink planted at the old predictable name (OUT.PID.tmp) is never followed', async () => {
    const dir = project();
    const victim = join(dir, '../victim.txt');
    writeFileSync(victim, 'untouched');
    mkdirSync(join(dir, 'dist'));
    // every PID this run could have: the old name was `${path}.${pid}.tmp`
    symlinkSync(victim, join(dir, `dist/publications.bib.${process.pid}.tmp`));
    const run = await cli(['export-bib'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'dist/publications.bib'), 'utf8')).toContain('@article{benton2024error');
  });

  it("are created exclusively under fresh random names: symlinks at the marker's names are never followed or removed", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-tmp-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    // a symlink at every name the writer could pick would take 2^64 files: these 50 show it picks a fresh name,
    // follows none and leaves them; O_EXCL|O_NOFOLLOW is what refuses a planted name that it did pick
    for (let i = 0; i < 50; i++)
      symlinkSync(victim, join(dir, `out.txt.bibfolio-tmp-${i.toString(16).padStart(16, '0')}`));
    writeFileAtomicallySync(join(dir, 'out.txt'), 'new');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new');
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readdirSync(dir).filter((f) => f.includes('bibfolio-tmp-'))).toHaveLength(50);
  });

  it('draws another name when the one drawn is taken, and gives up with the error after a few', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-tmp-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    // Math.random drawing 0 gives the name ...-tmp-0000000000000000: planted, so the writer must draw again
    symlinkSync(victim, join(dir, `out.txt.bibfolio-tmp-${'0'.repeat(16)}`));
    const draws = vi.spyOn(Math, 'random');
    try {
      draws.mockReturnValueOnce(0).mockReturnValueOnce(0);
      writeFileAtomicallySync(join(dir, 'out.txt'), 'new');
      expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new');
      expect(readFileSync(victim, 'utf8')).toBe('untouched');
      expect(draws.mock.calls.length).toBeGreaterThanOrEqual(4);
      // every draw taken: the write fails with the system's error and leaves the target and the victim as they were
      draws.mockReturnValue(0);
      expect(() => writeFileAtomicallySync(join(dir, 'out.txt'), 'newer')).toThrow(/EEXIST/);
      expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new');
      expect(readFileSync(victim, 'utf8')).toBe('untouched');
    } finally {
      draws.mockRestore();
    }
  });
});

describe('styles add keeps to its folder', () => {
  let server: Server;
  let url: string;
  const apa = readFileSync(join(SHARED, 'fixtures/csl-styles/apa.csl'));
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/renamed-styles.json') {
        res.writeHead(200).end(JSON.stringify({ 'old-style': '../../escaped-style', 'apa-old': 'apa' }));
        return;
      }
      if (path.endsWith('.csl')) {
        res.writeHead(200).end(apa);
        return;
      }
      res.writeHead(404).end('404: Not Found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a renamed-styles.json that maps to a path is not followed; constructor is not a style', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bibfolio-styles-'));
    const env = { XDG_CACHE_HOME: join(cache, 'a', 'b') };
    const renamed = await cli(['styles', 'add', 'old-style', '--catalogue', url], ROOT, env);
    expect(renamed.code, renamed.stderr).toBe(0);
    const proto = await cli(['styles', 'add', 'constructor', '--catalogue', url], ROOT, env);
    expect(proto.code, proto.stderr).toBe(0);
    const written = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? written(join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
      );
    const files = written(cache);
    expect(files.every((f) => f.startsWith('a/b/bibfolio/styles/'))).toBe(true);
    expect(files.some((f) => f.includes('escaped-style') || f.includes('native code'))).toBe(false);
    expect(files).toContain('a/b/bibfolio/styles/old-style.csl');
    expect(files).toContain('a/b/bibfolio/styles/constructor.csl');
    expect(JSON.parse(readFileSync(join(cache, 'a/b/bibfolio/styles/renamed-styles.json'), 'utf8'))).toEqual({
      'apa-old': 'apa',
    });
    const path = await cli(['styles', 'add', '../../x', '--catalogue', url], ROOT, env);
    expect(path.code).toBe(1);
  });
});

describe('damaged side files and names that are Object property names', () => {
  it.each([['"5"'], ['{"n": 5}'], ['true']])(
    'a sidecar whose citations is %s: the page renders, with a warning naming the file and key',
    async (value) => {
      const dir = project();
      writeFileSync(
        join(dir, 'bib/publications.sync.json'),
        `{"version":1,"entries":{},"venues":{"benton2024error":{"id":"arXiv:2305.16860","citations":${value}}}}`,
      );
      const run = await cli(['format', '--to', 'html', '--standalone'], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(
        /publications\.sync\.json.*venues\["benton2024error"\]\.citations is not \{count, date, source\}; it is ignored/,
      );
      expect(run.stdout).toContain('Error Bounds for Flow Matching Methods');
      expect(run.stdout).not.toContain('cited by');
    },
  );

  it('author+an = {1=constructor; 2=toString}, a field and a macro named constructor print as nothing special', async () => {
    const dir = project();
    writeFileSync(
      join(dir, 'bib/publications.bib'),
      `@article{constructor,
  author = {Benton, Joe and Doucet, Arnaud and Shi, Yuyang},
  author+an = {1=constructor; 2=toString; 3=__proto__},
  title = {A Title},
  journal = constructor,
  constructor = {x},
  year = 2024
}
`,
    );
    for (const to of ['html', 'markdown', 'text', 'json', 'latex']) {
      const run = await cli(['format', '--to', to, '--standalone'], dir);
      expect(run.stdout, to).not.toMatch(/native code|function Object|\[object Object\]/);
      expect(run.stdout, to).toContain('A Title');
    }
    const exported = await cli(['export-bib', '--out', '-'], dir);
    expect(exported.stdout).not.toMatch(/native code|function Object/);
    const hugo = await cli(['export-hugo', '--out', 'hugo'], dir);
    expect(hugo.code, hugo.stderr).toBe(0);
    expect(readFileSync(join(dir, 'hugo/constructor/index.md'), 'utf8')).not.toMatch(/native code|function Object/);
  });
});
