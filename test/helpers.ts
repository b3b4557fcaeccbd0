/** Shared by the tests: the embedded store, rendering a .bib text, and running the CLI in-process. */
import axios from 'axios';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/program.js';
import type { Io } from '../src/cli/io.js';
import type { TransportOptions } from '../src/http/polite-client.js';
import { loadStyle } from '../src/csl/registry.js';
import type { CslItem } from '../src/csl/types.js';
import { OwnerMatcher } from '../src/model/names.js';
import { publicationsOf } from '../src/pipeline.js';
import { renderList, type ListOptions, type OutputFormat } from '../src/render/list.js';
import { parseStore } from '../src/store/parse.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(ROOT, '../shared');
export const EMBEDDED_STORE = join(ROOT, 'bib/publications.bib');

/** The robustness corpus's .bib files (`../shared/fixtures/bib-real`: `bug-reports/` and `other/`). */
export function corpusStores(): string[] {
  const corpus = join(SHARED, 'fixtures/bib-real');
  return ['bug-reports', 'other'].flatMap((dir) =>
    readdirSync(join(corpus, dir))
      .filter((f) => f.endsWith('.bib'))
      .map((f) => join(corpus, dir, f)),
  );
}

/** The realworld researchers' .bib files (`../shared/fixtures/realworld/<owner>/`). */
export function realworldStores(): string[] {
  const realworld = join(SHARED, 'fixtures/realworld');
  return readdirSync(realworld)
    .filter((d) => statSync(join(realworld, d)).isDirectory())
    .flatMap((d) =>
      readdirSync(join(realworld, d))
        .filter((f) => f.endsWith('.bib'))
        .map((f) => join(realworld, d, f)),
    );
}

export function fixture(name: string): string {
  return join(ROOT, 'test/fixtures', name);
}

export function itemsOf(source: string, file = 'test.bib'): CslItem[] {
  const pubs = publicationsOf(parseStore(source, file));
  return [...pubs.items];
}

export function embeddedItems(): CslItem[] {
  return itemsOf(readFileSync(EMBEDDED_STORE, 'utf8'), 'bib/publications.bib');
}

export const JOE = new OwnerMatcher([{ family: 'Benton', given: 'Joe' }]);

/** The embedded config's list options (cv style, Joe Benton, ten authors, the equal mark), in one format. */
export function testListOptions(format: OutputFormat, overrides: Partial<ListOptions> = {}): ListOptions {
  return {
    format,
    style: loadStyle('cv'),
    locale: 'en-US',
    owner: JOE,
    boldOwner: true,
    maxAuthors: 10,
    groupBy: 'none',
    selectedOnly: false,
    linkTitles: false,
    annotations: { equal: { symbol: '*', legend: 'Equal contribution' } },
    standalone: false,
    ...overrides,
  };
}

export function render(items: readonly CslItem[], format: OutputFormat, overrides: Partial<ListOptions> = {}): string {
  const result = renderList(items, testListOptions(format, overrides));
  // a store without the owner (the robustness corpus) is not a failure of rendering
  const problems = result.problems.filter((p) => p.code !== 'owner-not-found');
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return result.output;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A cache folder of this test run's own: a cache left by another build of bibfolio never answers for this one. */
const TEST_CACHE = mkdtempSync(join(tmpdir(), 'bibfolio-test-cache-'));

/** Runs the CLI in-process with `cwd` as its working folder (and this run's own cache unless `env` names one). */
export async function cli(argv: string[], cwd = ROOT, givenEnv: Record<string, string> = {}): Promise<CliRun> {
  const env = { XDG_CACHE_HOME: TEST_CACHE, ...givenEnv };
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env,
    interactive: false,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/**
 * A client's transport for tests against the fake servers on 127.0.0.1: short spacing, backoff and read timeout, so
 * that retries and stalls take milliseconds; a fresh axios instance of its own.
 */
export function fastTransport(): TransportOptions & { readonly delayMs: number } {
  return { delayMs: 60, backoffMs: 40, connectTimeoutMs: 2000, readTimeoutMs: 300, http: axios.create() };
}
