/**
 * `bibfolio init --ci github` writes a workflow that GitHub's own parser (@actions/workflow-parser) reads without an
 * error: weekly and on demand, bibfolio sync then the outputs, one pull request (peter-evans/create-pull-request) and
 * no push to the default branch. Then `bibfolio sync` (what the workflow runs) against stand-in services, with the
 * owner's ORCID iD in the config: every paper once. And the workflow's own `run` steps, run by bash as the runner runs
 * them, with `npx bibfolio` this checkout's CLI: the store synced, the outputs rebuilt, the pull request's body written
 * with the report (the `uses` steps, checkout, setup-node and create-pull-request, are GitHub's own).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parseStore } from '../../src/store/parse.js';
import { cli, ROOT } from '../helpers.js';

describe('init --ci github', () => {
  it('writes a workflow GitHub parses with no error: scheduled, on demand, one pull request, no push', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-ci-'));
    const run = await cli(['init', '--owner', 'Joe Benton', '--ci', 'github'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote .github/workflows/bibfolio-sync.yml');
    const content = readFileSync(join(dir, '.github/workflows/bibfolio-sync.yml'), 'utf8');
    const parsed = parseWorkflow({ name: 'bibfolio-sync.yml', content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.events.schedule?.[0]?.cron).toBe('23 5 * * 1');
    expect(template.events.workflow_dispatch).toBeDefined();
    const job = template.jobs[0] as { steps: { run?: { toString(): string }; uses?: { toString(): string } }[] };
    const runs = job.steps.map((s) => s.run?.toString() ?? '').join('\n');
    const uses = job.steps.map((s) => s.uses?.toString() ?? '');
    expect(runs).toContain('npx bibfolio sync');
    expect(runs).toContain('npx bibfolio publications');
    expect(uses).toContain('peter-evans/create-pull-request@v7');
    expect(content).not.toMatch(/git push|branch: (main|master)\b/);
    // a second init writes nothing over it
    const again = await cli(['init', '--owner', 'Joe Benton', '--ci', 'github'], dir);
    expect(again.code).toBe(1);
  });

  it('refuses a CI service it does not write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-ci-'));
    const run = await cli(['init', '--owner', 'Joe Benton', '--ci', 'gitlab'], dir);
    expect(run.code).toBe(2);
  });
});

describe('bibfolio sync (what the workflow runs)', () => {
  it("imports the owner's new ORCID papers, then syncs arXiv and the venues; twice changes nothing", async () => {
    const orcid = '0000-0002-1825-0097';
    const works = {
      group: ['10.5555/a', '10.5555/b'].map((doi) => ({
        'external-ids': { 'external-id': [{ 'external-id-type': 'doi', 'external-id-value': doi }] },
        'work-summary': [{ title: { title: { value: doi } } }],
      })),
    };
    const server = createServer((req, res) => {
      const path = decodeURIComponent(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (path === `/orcid/v3.0/${orcid}/works`) return void res.end(JSON.stringify(works));
      // Semantic Scholar's batch answers null for an identifier it does not know
      if (path.startsWith('/s2/paper/batch')) {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () =>
          res.end(JSON.stringify(((JSON.parse(body) as { ids: string[] }).ids ?? []).map(() => null))),
        );
        return;
      }
      const doi = /^\/doi\/(10\.5555\/[ab])$/.exec(path)?.[1];
      if (doi)
        return void res.end(
          JSON.stringify({
            type: 'article-journal',
            DOI: doi,
            title: `The paper called ${doi.slice(-1)} in full`,
            'container-title': 'Journal',
            issued: { 'date-parts': [[2024]] },
            author: [{ family: 'Benton', given: 'Joe' }],
          }),
        );
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'bibfolio-sync-all-'));
      writeFileSync(
        join(dir, 'bibfolio.config.json'),
        JSON.stringify({ owner: { name: 'Joe Benton', orcid }, store: 'pubs.bib' }),
      );
      writeFileSync(join(dir, 'pubs.bib'), '');
      const flags = ['--orcid-url', `${base}/orcid`, '--doi-url', `${base}/doi`, '--crossref-url', `${base}/crossref`];
      const more = ['--api-url', `${base}/arxiv`, '--dblp-url', `${base}/dblp`, '--semantic-scholar-url', `${base}/s2`];
      const first = await cli(['sync', ...flags, ...more, '--delay-ms', '0'], dir);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/== new papers from ORCID[\s\S]*== arXiv[\s\S]*== venues/);
      const text = readFileSync(join(dir, 'pubs.bib'), 'utf8');
      expect(parseStore(text).entries.map((e) => e.fields.get('doi'))).toEqual(['10.5555/a', '10.5555/b']);
      const second = await cli(['sync', ...flags, ...more, '--delay-ms', '0', '--refresh'], dir);
      expect(second.code, second.stderr).toBe(0);
      expect(readFileSync(join(dir, 'pubs.bib'), 'utf8')).toBe(text);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

describe("the workflow's own steps, run locally against stand-in services", () => {
  it('sync, rebuild the outputs, and write the pull request body with the report', async () => {
    const orcid = '0000-0002-1825-0097';
    const server = createServer((req, res) => {
      const path = decodeURIComponent(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (path === `/orcid/v3.0/${orcid}/works`)
        return void res.end(
          JSON.stringify({
            group: [
              {
                'external-ids': { 'external-id': [{ 'external-id-type': 'doi', 'external-id-value': '10.5555/wf' }] },
                'work-summary': [{ title: { title: { value: 'A paper' } } }],
              },
            ],
          }),
        );
      if (path.startsWith('/s2/paper/batch')) {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => res.end(JSON.stringify((JSON.parse(body) as { ids: string[] }).ids.map(() => null))));
        return;
      }
      if (path === '/doi/10.5555/wf')
        return void res.end(
          JSON.stringify({
            type: 'article-journal',
            DOI: '10.5555/wf',
            title: 'A Paper the Workflow Imports',
            'container-title': 'Journal of Workflows',
            issued: { 'date-parts': [[2025]] },
            author: [{ family: 'Benton', given: 'Joe' }],
          }),
        );
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'bibfolio-workflow-'));
      expect((await cli(['init', '--owner', 'Joe Benton', '--ci', 'github'], dir)).code).toBe(0);
      const config = JSON.parse(readFileSync(join(dir, 'bibfolio.config.json'), 'utf8')) as Record<string, unknown>;
      (config.owner as Record<string, unknown>).orcid = orcid;
      config.sources = {
        doiUrl: `${base}/doi`,
        crossrefUrl: `${base}/crossref`,
        dataciteUrl: `${base}/datacite`,
        orcidUrl: `${base}/orcid`,
        dblpUrl: `${base}/dblp`,
        semanticScholarUrl: `${base}/s2`,
        arxivUrl: `${base}/arxiv`,
        delayMs: 0,
      };
      writeFileSync(join(dir, 'bibfolio.config.json'), JSON.stringify(config, null, 2));
      // the runner's world: `npx bibfolio` is this checkout's CLI, RUNNER_TEMP a folder of its own
      const shims = mkdtempSync(join(tmpdir(), 'bibfolio-shims-'));
      writeFileSync(
        join(shims, 'npx'),
        `#!/bin/sh\n[ "$1" = bibfolio ] || exit 127\nshift\nexec node ${JSON.stringify(join(ROOT, 'dist/cli/launch.cjs'))} "$@"\n`,
      );
      chmodSync(join(shims, 'npx'), 0o755);
      const runnerTemp = join(dir, '.runner-temp');
      mkdirSync(runnerTemp);
      const content = readFileSync(join(dir, '.github/workflows/bibfolio-sync.yml'), 'utf8');
      const parsed = parseWorkflow({ name: 'bibfolio-sync.yml', content }, new NoOperationTraceWriter());
      const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
      const job = template.jobs[0] as { steps: { run?: { toString(): string } }[] };
      const runSteps = job.steps.flatMap((s) => (s.run ? [s.run.toString()] : []));
      expect(runSteps.length).toBeGreaterThanOrEqual(4);
      for (const script of runSteps)
        // not execFileSync: the stand-in services answer from this process's event loop
        await promisify(execFile)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
          cwd: dir,
          env: {
            PATH: `${shims}:${process.env.PATH ?? ''}`,
            HOME: dir,
            RUNNER_TEMP: runnerTemp,
            XDG_CACHE_HOME: join(dir, '.cache'),
          },
        });
      const store = readFileSync(join(dir, 'bib/publications.bib'), 'utf8');
      expect(parseStore(store).entries.map((e) => e.fields.get('doi'))).toContain('10.5555/wf');
      const body = readFileSync(join(runnerTemp, 'pr-body.md'), 'utf8');
      expect(body).toContain('bibfolio sync changed bib/publications.bib');
      expect(body).toMatch(
        /```\n== new papers from ORCID[\s\S]*added benton2025paper \(10\.5555\/wf\)[\s\S]*== sync: /,
      );
      // the outputs were rebuilt from the synced store
      expect(
        execFileSync('grep', [
          '-rl',
          'A Paper the Workflow Imports',
          dir,
          '--exclude-dir=.cache',
          '--exclude=*.bib',
          '--exclude=*.md',
          '--exclude-dir=.runner-temp',
        ]).toString(),
      ).not.toBe('');
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
