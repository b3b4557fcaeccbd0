#!/usr/bin/env node
/**
 * `npm run sweep-styles`: renders the embedded store with every style of the official CSL repository (independent
 * and dependent) and judges each rendering (scripts/style-judge.mjs); prints the totals per failure kind and writes a
 * JSON report. In-process, on worker threads (one per core by default). Dependent styles that share a parent and a
 * locale are rendered once.
 *
 *   node scripts/sweep-styles.mjs [--styles DIR] [--sample N --seed S] [--jobs N] [--out FILE] [--no-dependent]
 *
 * Exit 0 when every style is right (or refused with a clear error), 1 otherwise.
 */
import { readdirSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { seededRandom } from './seeded-random.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export { seededRandom };

export function listStyles(dir, { dependent = true } = {}) {
  const csl = (d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.csl'))
      .sort()
      .map((f) => join(d, f));
  return [...csl(dir), ...(dependent ? csl(join(dir, 'dependent')) : [])];
}

export function sample(list, n, seed) {
  const random = seededRandom(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n).sort();
}

const ETAL_MARK = 'Zzetalzz';

/** The entries of an HTML list, a numbered item with its number as the label it had. */
function listEntries(html) {
  return [...html.matchAll(/<li(?: value="(\d+)")?>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1] !== undefined ? `<span class="bibfolio-label">${m[1]}.</span> ${m[2]}` : m[2],
  );
}

/** Renders and judges styles on this thread; returns one result per style. */
export async function sweep(paths, stylesDir) {
  const lib = await import(join(ROOT, 'dist/index.js'));
  const { prepareStyleForLists } = await import(join(ROOT, 'dist/csl/prepare-style.js'));
  const { judgeEntry, judgeMarkdown } = await import('./style-judge.mjs');
  const CSL = (await import('citeproc')).default;
  const config = lib.parseConfig(readFileSync(join(ROOT, 'bibfolio.config.json'), 'utf8'), 'bibfolio.config.json');
  const store = lib.readStore(join(ROOT, config.store), config.store);
  const { items } = lib.publicationsOf(store);
  const ownerName = { family: 'Benton', given: 'Joe' };
  const owner = new lib.OwnerMatcher([config.owner.name, ...config.owner.variants].map(lib.toPersonName));
  const byLayout = new Map();
  const results = [];
  for (const path of paths) {
    const name = basename(path, '.csl');
    const dependent = basename(dirname(path)) === 'dependent';
    let style;
    try {
      style = lib.loadStyle(path, { dirs: [stylesDir] });
    } catch (err) {
      const message = err.message.split('\n')[0];
      const kind = /no <bibliography>/.test(message) ? 'refused: no bibliography (clear error)' : `load error`;
      results.push({ name, dependent, kinds: [kind], message });
      continue;
    }
    const locale = lib.resolveLocale(style.defaultLocale ?? 'en-US') ?? 'en-US';
    const key = `${style.parent ?? path}\u0000${locale}`;
    let kinds = byLayout.get(key);
    if (!kinds) {
      kinds = judgeStyle(style, locale);
      byLayout.set(key, kinds);
      results.push({ name, dependent, locale, kinds, examples: judgeStyle.examples, etAl: judgeStyle.etAl });
    } else results.push({ name, dependent, locale, kinds, sameAs: key.split('\u0000')[0] });
  }
  return results;

  function options(style, locale, format, maxAuthors) {
    return {
      format,
      style,
      locale,
      owner,
      boldOwner: true,
      maxAuthors,
      groupBy: 'none',
      selectedOnly: false,
      linkTitles: false,
      annotations: config.annotations,
      standalone: false,
    };
  }

  function judgeStyle(style, locale) {
    const kinds = new Set();
    const examples = {};
    try {
      const html = lib.renderList(items, options(style, locale, 'html', config.maxAuthors));
      const parity = lib.renderList(items, options(style, locale, 'html', 0));
      const markdown = lib.renderList(items, options(style, locale, 'markdown', config.maxAuthors));
      if (html.problems.some((p) => p.code === 'render-failed')) kinds.add('entry failed to render');
      const warned = html.problems.filter((p) => p.code === 'printed-nothing').length;
      const entries = listEntries(html.output);
      const parityEntries = listEntries(parity.output);
      const prepared = lib.prepareList(items, options(style, locale, 'html', 0));
      const { entries: plain, etAl } = plainCiteproc(style, locale, prepared.ordered);
      judgeStyle.etAl = etAl;
      const printed = plain.filter((p) => p.trim() !== '');
      if (entries.length < items.length)
        kinds.add(
          entries.length === printed.length && warned === items.length - entries.length
            ? 'entries printed as nothing (as citeproc-js), each named in a warning'
            : 'entries lost',
        );
      if (entries.length === printed.length && parityEntries.length === printed.length) {
        let e = 0;
        prepared.ordered.forEach((item, i) => {
          if (plain[i].trim() === '') return;
          const marked = Object.entries(item.custom.authorAnnotations)
            .filter(([pos]) => Number(pos) - 1 < config.maxAuthors)
            .map(([pos]) => item.author[Number(pos) - 1])
            .filter((n) => n && n.family !== 'Benton');
          for (const k of judgeEntry({
            html: entries[e],
            parityHtml: parityEntries[e],
            plainHtml: plain[i],
            owner: ownerName,
            marked,
            etAl,
          })) {
            if (!kinds.has(k)) examples[k] = judgeEntry.last;
            kinds.add(k);
          }
          e++;
        });
      }
      for (const k of judgeMarkdown(markdown.output, entries)) {
        if (!kinds.has(k)) examples[k] = { ...judgeMarkdown.last, markdown: markdown.output.split('\n')[0] };
        kinds.add(k);
      }
    } catch (err) {
      kinds.add(`crash: ${String(err.message).split('\n')[0].slice(0, 80)}`);
    }
    judgeStyle.examples = examples;
    return [...kinds];
  }

  function plainCiteproc(style, locale, ordered) {
    const map = new Map(
      ordered.map(({ custom, ...csl }) => [
        csl.id,
        custom.truncated && csl.author ? { ...csl, author: [...csl.author, { literal: ETAL_MARK }] } : csl,
      ]),
    );
    const sys = {
      retrieveLocale: (l) => {
        try {
          return lib.loadLocale(l);
        } catch {
          return lib.loadLocale('en-US');
        }
      },
      retrieveItem: (id) => map.get(id),
    };
    const engine = new CSL.Engine(sys, prepareStyleForLists(style.xml), locale, true);
    engine.setOutputFormat('html');
    engine.updateItems([...map.keys()]);
    const [meta, bib] = engine.makeBibliography();
    // citeproc-js leaves empty entries out of the strings but not out of the IDs: render one by one then
    const one = (id) => {
      engine.updateItems([id]);
      return engine.makeBibliography()[1][0] ?? '';
    };
    const byId = new Map(
      meta.entry_ids.map((ids, i) => [ids[0], bib.length === meta.entry_ids.length ? bib[i] : one(ids[0])]),
    );
    // the list cut short in the store (`and others`) ends with the locale's et-al term, as bibfolio prints it
    const etAl = engine.getTerm('et-al') || 'et al.';
    return { etAl, entries: ordered.map((item) => (byId.get(item.id) ?? '').replace(/zzetalzz/gi, etAl)) };
  }
}

/** A clear refusal (no bibliography) or an entry the style itself prints as nothing (warned about) is not a failure. */
function isAcceptable(kind) {
  return kind.startsWith('refused:') || kind.includes('(as citeproc-js)');
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  const stylesDir = resolve(option('styles', join(ROOT, '../shared/fixtures/csl-styles')));
  let paths = listStyles(stylesDir, { dependent: !args.includes('--no-dependent') });
  // --failed REPORT: only the styles a previous report found wrong (to check a fix quickly)
  const failedReport = option('failed', undefined);
  if (failedReport !== undefined) {
    const previous = JSON.parse(readFileSync(failedReport, 'utf8')).results;
    const wrong = new Set(previous.filter((r) => r.kinds.some((k) => !isAcceptable(k))).map((r) => r.name));
    paths = paths.filter((p) => wrong.has(basename(p, '.csl')));
  }
  const n = option('sample', undefined);
  if (n !== undefined) paths = sample(paths, Number(n), Number(option('seed', '1')));
  const jobs = Math.max(1, Number(option('jobs', String(availableParallelism()))));
  const out = resolve(option('out', join(ROOT, 'bench/sweep-styles.json')));
  const started = Date.now();
  const shares = Array.from({ length: jobs }, (_, j) => paths.filter((_, i) => i % jobs === j));
  const results = (
    await Promise.all(
      shares.map(
        (share) =>
          new Promise((ok, fail) => {
            const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { paths: share, stylesDir } });
            worker.once('message', ok);
            worker.once('error', fail);
          }),
      ),
    )
  ).flat();
  const totals = {};
  const count = (group, kind) => {
    totals[group] ??= {};
    totals[group][kind] = (totals[group][kind] ?? 0) + 1;
  };
  for (const r of results) {
    const group = r.dependent ? 'dependent' : 'independent';
    count(group, 'styles');
    if (r.kinds.length === 0) count(group, 'right');
    else if (r.kinds.every((k) => k.startsWith('refused:') || k.includes('(as citeproc-js)')))
      count(group, 'right, or a clear error / warning');
    for (const k of r.kinds) count(group, k);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), totals, results }, null, 1)}\n`);
  for (const [group, kinds] of Object.entries(totals)) {
    console.log(`${group}:`);
    for (const [k, v] of Object.entries(kinds).sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(v).padStart(5)}  ${k}`);
  }
  console.log(`${results.length} styles in ${((Date.now() - started) / 1000).toFixed(1)} s; report: ${out}`);
  const bad = results.filter((r) => r.kinds.some((k) => !isAcceptable(k)));
  process.exitCode = bad.length > 0 ? 1 : 0;
}

if (isMainThread) {
  if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
} else {
  parentPort.postMessage(await sweep(workerData.paths, workerData.stylesDir));
}
