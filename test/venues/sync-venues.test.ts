/**
 * `bibfolio sync-venues` end to end, against the fake Semantic Scholar, DBLP and Crossref: the embedded store, where
 * Semantic Scholar gives a DBLP key whose record says "Inverse Scaling in Test-Time Compute" appeared in TMLR 2025,
 * and only Semantic Scholar's venue says the reward-hacking paper was at an ICML 2025 workshop.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { embeddedVenues, FakeVenues } from './fake-venues.js';

let fake: FakeVenues;
beforeAll(async () => {
  fake = embeddedVenues(await new FakeVenues().start());
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.requests.length = 0;
});

function project(): { dir: string; env: Record<string, string>; store: () => string; sidecar: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-venues-'));
  cpSync(join(ROOT, 'bib'), join(dir, 'bib'), { recursive: true });
  cpSync(join(ROOT, 'bibfolio.config.json'), join(dir, 'bibfolio.config.json'));
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, 'bib', name), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    dir,
    env: { XDG_CACHE_HOME: join(dir, 'cache') },
    store: () => read('publications.bib'),
    sidecar: () => read('publications.sync.json'),
  };
}

const entryOf = (store: string, key: string) => {
  const start = store.search(new RegExp(`@\\w+\\{${key},`));
  return store.slice(start, store.indexOf('\n}', start) + 2);
};

describe('sync-venues on the embedded store', () => {
  it('promotes the TMLR paper (DBLP by identifier), only suggests the workshop paper, and says why', async () => {
    const p = project();
    const before = p.store();
    const run = await cli(['sync-venues', '--promote', ...fake.flags()], p.dir, p.env);
    expect(run.code, run.stderr).toBe(0);
    const gema = entryOf(p.store(), 'gema2025inverse');
    expect(gema).toMatch(/^@article\{gema2025inverse,/);
    expect(gema).toMatch(/journal\s*= \{Transactions on Machine Learning Research\}/);
    // DBLP's volume "2025" of TMLR is the year again: not a volume
    expect(gema).not.toMatch(/volume/);
    expect(gema).toContain('eprint        = {2507.14417}');
    expect(entryOf(p.store(), 'turpin2025teaching')).toBe(entryOf(before, 'turpin2025teaching'));
    expect(run.stderr).toMatch(
      /published \(\d+\):\n {2}gema2025inverse {2}arXiv:2507\.14417: Transactions on Machine Learning Research, 2025 \(written: \(entry type\), journal\)/,
    );
    expect(run.stderr).toMatch(
      /DBLP: Transactions on Machine Learning Research, 2025 \(journals\/tmlr\/GemaHCAGFSPMAMCBP25\)/,
    );
    expect(run.stderr).toMatch(
      /suggested, written only with --accept KEY \(1\):\n {2}turpin2025teaching {2}arXiv:2506\.22777: ICML 2025 Workshop on Reliable and Responsible Foundation Models, 2025 \(only Semantic Scholar's venue says so\)/,
    );
    const sidecar = JSON.parse(p.sidecar()) as {
      venues: Record<string, { decision?: string; sources?: Record<string, string>; citations?: { count: number } }>;
    };
    expect(sidecar.venues.gema2025inverse?.decision).toBe('published');
    expect(sidecar.venues.gema2025inverse?.sources?.year).toBe('dblp:journals/tmlr/GemaHCAGFSPMAMCBP25');
    expect(sidecar.venues.gema2025inverse?.citations?.count).toBe(42);
    expect(p.store()).not.toMatch(/citation/i);
  });

  it('writes the suggestion that --accept names, as a workshop paper, and the cv list prints both at their venues', async () => {
    const p = project();
    expect((await cli(['sync-venues', '--promote', ...fake.flags()], p.dir, p.env)).code).toBe(0);
    const accepted = await cli(['sync-venues', '--accept', 'turpin2025teaching', ...fake.flags()], p.dir, p.env);
    expect(accepted.code, accepted.stderr).toBe(0);
    const turpin = entryOf(p.store(), 'turpin2025teaching');
    expect(turpin).toMatch(/^@inproceedings\{turpin2025teaching,/);
    expect(turpin).toMatch(/booktitle\s*= \{ICML 2025 Workshop on Reliable and Responsible Foundation Models\}/);
    const list = await cli(['format', '--to', 'text', '--style', 'cv', '--group-by', 'type'], p.dir, p.env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      /Inverse Scaling in Test-Time Compute\..*Transactions on Machine Learning Research, 2025\./,
    );
    const workshop = list.stdout.slice(list.stdout.indexOf('Workshop papers'));
    expect(workshop.slice(0, workshop.indexOf('Preprints'))).toMatch(
      /Teaching Models to Verbalize Reward Hacking in Chain-of-Thought Reasoning\..*ICML 2025 Workshop on Reliable and Responsible Foundation Models, 2025\./,
    );
    expect(list.stdout.indexOf('Journal articles')).toBeLessThan(list.stdout.indexOf('Inverse Scaling'));
  });

  it("shows Semantic Scholar's citation count in the JSON data and on the page, with its source and date", async () => {
    const p = project();
    expect((await cli(['sync-venues', ...fake.flags()], p.dir, p.env)).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const json = JSON.parse((await cli(['format', '--to', 'json'], p.dir, p.env)).stdout) as {
      id: string;
      bibfolio: { citations: unknown };
    }[];
    expect(json.find((d) => d.id === 'gema2025inverse')?.bibfolio.citations).toEqual({
      count: 42,
      date: today,
      source: 'Semantic Scholar',
    });
    expect(json.find((d) => d.id === 'anil2024manyshot')?.bibfolio.citations).toBeNull();
    const page = (await cli(['format', '--to', 'html', '--standalone'], p.dir, p.env)).stdout;
    expect(page).toContain(`<span class="bibfolio-cited">cited by 42 (Semantic Scholar, ${today})</span>`);
  });

  it('is idempotent: a second run changes no byte of the store or the sidecar', async () => {
    const p = project();
    expect((await cli(['sync-venues', '--promote', ...fake.flags()], p.dir, p.env)).code).toBe(0);
    const store = p.store();
    const sidecar = p.sidecar();
    const again = await cli(['sync-venues', '--promote', '--refresh', ...fake.flags()], p.dir, p.env);
    expect(again.code, again.stderr).toBe(0);
    expect(p.store()).toBe(store);
    expect(p.sidecar()).toBe(sidecar);
  });
});

describe('sync-venues when a source fails', () => {
  it.each([
    ['Semantic Scholar answers 503 four times', 's2', { kind: 'status', status: 503 }],
    ['Semantic Scholar asks to wait an hour (429)', 's2', { kind: 'status', status: 429, retryAfter: '3600' }],
    ['DBLP stalls four times', 'dblp', { kind: 'stall', ms: 300 }],
    ['Crossref cuts its answers off four times', 'crossref', { kind: 'truncate' }],
  ] as const)(
    '%s: exit 1, one line, the store and the sidecar byte-identical',
    async (_, service, failure) => {
      const p = project();
      const store = p.store();
      const sidecar = p.sidecar();
      fake.failures[service].push(failure, failure, failure, failure);
      const run = await cli(['sync-venues', '--promote', '--refresh', ...fake.flags()], p.dir, {
        ...p.env,
        BIBFOLIO_TEST_READ_TIMEOUT_MS: '300',
      });
      fake.failures[service].length = 0;
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(
        /^bibfolio: (Semantic Scholar|DBLP|Crossref) .*; nothing was written$/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(p.store()).toBe(store);
      expect(p.sidecar()).toBe(sidecar);
    },
    60_000,
  );
});

describe('sync-venues and the owner', () => {
  it('keeps a hand-written journal and reports it; promotes the type and fills what is missing', async () => {
    const p = project();
    const edited = p.store().replace('@misc{gema2025inverse,', '@misc{gema2025inverse,\n  journal       = {TMLR},');
    writeFileSync(join(p.dir, 'bib/publications.bib'), edited);
    const run = await cli(['sync-venues', '--promote', ...fake.flags()], p.dir, p.env);
    expect(run.code, run.stderr).toBe(0);
    const gema = entryOf(p.store(), 'gema2025inverse');
    expect(gema).toMatch(/^@article\{gema2025inverse,\n {2}journal {7}= \{TMLR\},/);
    expect(run.stderr).toContain(
      'gema2025inverse.journal: yours "TMLR", venue "Transactions on Machine Learning Research"',
    );
  });

  it('--dry-run prints the diff and writes nothing; --json is one document with the decisions and their claims', async () => {
    const p = project();
    const store = p.store();
    const dry = await cli(['sync-venues', '--promote', '--dry-run', ...fake.flags()], p.dir, p.env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^-@misc\{gema2025inverse,$/m);
    expect(dry.stdout).toMatch(/^\+@article\{gema2025inverse,$/m);
    expect(p.store()).toBe(store);
    expect(p.sidecar()).toBe('');
    const json = await cli(['sync-venues', '--json', '--refresh', ...fake.flags()], p.dir, p.env);
    const report = JSON.parse(json.stdout) as {
      published: { key: string; pending: string[]; claims: { source: string }[] }[];
      suggested: { key: string }[];
      written: boolean;
      requests: Record<string, number>;
    };
    expect(report.published.map((x) => x.key)).toEqual(['gema2025inverse', 'benton2024denoising', 'daudel2023alpha']);
    expect(report.published[0]?.pending).toEqual(['(entry type)', 'journal']);
    expect(report.suggested.map((x) => x.key)).toEqual(['turpin2025teaching']);
    expect(report.requests).toEqual({ 'Semantic Scholar': 1, DBLP: 2, Crossref: 1 });
  });

  it('refuses --accept of a key the store does not have (exit 2), and --delay-ms below 3000 for the real hosts', async () => {
    const p = project();
    const unknown = await cli(['sync-venues', '--accept', 'nope', ...fake.flags()], p.dir, p.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--accept names "nope", which is not a key of bib\/publications\.bib/);
    const fast = await cli(['sync-venues', '--delay-ms', '100'], p.dir, p.env);
    expect(fast.code).toBe(2);
    expect(fast.stderr).toMatch(
      /at least 3000 ms between requests; --delay-ms 100 is refused for api\.semanticscholar\.org/,
    );
  });

  it('sends the S2_API_KEY from the environment as the key header, and writes it nowhere', async () => {
    const p = project();
    const run = await cli(['sync-venues', '--promote', ...fake.flags()], p.dir, { ...p.env, S2_API_KEY: 'k-123' });
    expect(run.code, run.stderr).toBe(0);
    expect(fake.requests.filter((r) => r.service === 's2').map((r) => r.apiKey)).toEqual(['k-123']);
    expect(fake.requests.filter((r) => r.service !== 's2').every((r) => r.apiKey === undefined)).toBe(true);
    expect(p.store() + p.sidecar() + run.stderr + run.stdout).not.toContain('k-123');
  });
});

describe('sync-venues without --promote after a promotion', () => {
  it('keeps the record of what the earlier run wrote: the sidecar does not change', async () => {
    const p = project();
    expect((await cli(['sync-venues', '--promote', ...fake.flags()], p.dir, p.env)).code).toBe(0);
    const sidecar = p.sidecar();
    const report = await cli(['sync-venues', ...fake.flags()], p.dir, p.env);
    expect(report.code, report.stderr).toBe(0);
    expect(p.sidecar()).toBe(sidecar);
  });
});
