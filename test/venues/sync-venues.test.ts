/**
 * `bibfolio sync-venues` end to end, against the fake Semantic Scholar, DBLP and Crossref: the embedded store, where
 * Semantic Scholar gives a DBLP key whose record says "Inverse Scaling in Test-Time Compute" appeared in TMLR 2025,
 * and only Semantic Scholar's venue says the reward-hacking paper was at an ICML 2025 workshop.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
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
