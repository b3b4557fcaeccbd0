#!/usr/bin/env node
/**
 * Bundles the command line into one file (dist/bibfolio.cjs) and the render worker into another
 * (dist/render-worker.cjs) with esbuild. One file loads far faster than ~200 modules: Node resolves, reads and
 * lexes each module it imports, and that was most of the start-up time of a small list (see README, Performance).
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { buildId } from './build-id.mjs';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // the modules use import.meta.url to find their package; in CommonJS that is the bundle's own file
  define: {
    'import.meta.url': '__bibfolio_import_meta_url',
    // the version of the citeproc-js this build bundles: part of every render cache key
    __BIBFOLIO_CITEPROC_VERSION__: JSON.stringify(
      JSON.parse(readFileSync('node_modules/citeproc/package.json', 'utf8')).version,
    ),
    // what the caches of mapped items, rendered entries and exported blocks depend on besides the version: the
    // code and the packages it bundles (src/version.ts), so that a build of the same version never reads another's
    __BIBFOLIO_BUILD_ID__: JSON.stringify(buildId()),
    // what a validated config depends on (src/engine/config-cache.ts): the schema, the code that applies it, zod
    __BIBFOLIO_CONFIG_SCHEMA_ID__: JSON.stringify(
      createHash('sha256')
        .update(readFileSync('src/model/config-schema.ts'))
        .update(readFileSync('src/model/config.ts'))
        .update(JSON.parse(readFileSync('node_modules/zod/package.json', 'utf8')).version)
        .digest('hex')
        .slice(0, 16),
    ),
    // what a kept outline depends on (src/engine/outline-snapshot.ts): the scanner and the rescan
    __BIBFOLIO_SCANNER_ID__: JSON.stringify(
      [
        'src/store/scan.ts',
        'src/store/scan-values.ts',
        'src/store/scan-problems.ts',
        'src/store/scan-headers.ts',
        'src/store/scan-outline.ts',
        'src/store/rescan.ts',
        'src/engine/outline-snapshot.ts',
        'src/engine/kept-blocks.ts',
      ]
        .reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256'))
        .digest('hex')
        .slice(0, 16),
    ),
  },
  banner: { js: "const __bibfolio_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // ASCII output (non-ASCII characters in strings escaped): V8 keeps an ASCII source as a one-byte string, half the
  // memory and read time of the two-byte string a single em dash in a comment would force
  charset: 'ascii',
  // minified, names kept (messages and error classes use them): less to read, parse and hash at every start;
  // BIBFOLIO_BUNDLE_READABLE=1 leaves them readable, for profiles (`node --cpu-prof`)
  minify: process.env.BIBFOLIO_BUNDLE_READABLE !== '1',
  keepNames: true,
};

// The heavy packages (src/vendor/*.ts: citeproc-js, citation-js, unicode2latex, axios, yaml, fast-xml-parser) are
// bundles of their own, dist/bundles/<name>.cjs, which the command line loads on first use with their own code cache
// (src/vendor/README.md). In the command line's bundle each of those modules becomes a call to the loader.
const vendors = readdirSync('src/vendor')
  .filter((f) => f.endsWith('.ts') && f !== 'load-bundled.ts')
  .map((f) => basename(f, '.ts'));
const lazyVendors = {
  name: 'lazy-vendors',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]vendor[\\/][^\\/]+\.ts$/ }, (args) => {
      const name = basename(args.path, '.ts');
      if (!vendors.includes(name)) return undefined;
      return {
        loader: 'ts',
        resolveDir: 'src/vendor',
        contents: `import { loadBundled } from './load-bundled.ts';\nexport const load = () => loadBundled(${JSON.stringify(name)});\n`,
      };
    });
  },
};

// citation-js can fetch a URL as input (node-fetch, sync-fetch); bibfolio never gives it one, and loading those
// packages was 20 ms of every run that maps an entry: in the vendor bundles they are a function that refuses
const noFetch = {
  name: 'no-fetch',
  setup(b) {
    b.onResolve({ filter: /^(node-fetch|sync-fetch)$/ }, (args) => ({ path: args.path, namespace: 'no-fetch' }));
    b.onLoad({ filter: /.*/, namespace: 'no-fetch' }, () => ({
      loader: 'js',
      contents:
        "const refuse = () => { throw new Error('bibfolio does not let citation-js fetch'); };\n" +
        'module.exports = refuse; module.exports.default = refuse; module.exports.Headers = class Headers {};\n',
    }));
  },
};

// @citation-js/core's logger makes a console on process.stderr when it loads. Making process.stderr (a stream, with
// Node's stream modules) cost 2-6 ms of every run that maps an entry, for a logger that stays silent unless its level
// is changed: the console is made when the logger first uses it instead.
const lazyLoggerConsole = {
  name: 'lazy-logger-console',
  setup(b) {
    b.onLoad({ filter: /[\\/]@citation-js[\\/]core[\\/]lib[\\/]logger\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = 'logger._console = new console.Console(process.stderr);';
      if (!text.includes(eager)) throw new Error(`${args.path}: the logger no longer makes its console as expected`);
      const kept = (value) =>
        `Object.defineProperty(logger, '_console', { value: ${value}, writable: true, configurable: true, enumerable: true })`;
      const lazy =
        "Object.defineProperty(logger, '_console', { configurable: true, enumerable: true, " +
        `get() { const made = new console.Console(process.stderr); ${kept('made')}; return made; }, ` +
        `set(value) { ${kept('value')}; } });`;
      return { loader: 'js', contents: text.replace(eager, lazy) };
    });
  },
};

// citeproc-js's engine, when it is made, compares "dale|" and "daleb" in the sort locale to choose the separator of
// its sort keys. That first locale-aware comparison loads ICU's collation data: 7-11 ms in a fresh process, in every
// run that renders an entry (a first run, one edit, each render worker), though a list is sorted by bibfolio and
// citeproc-js reads the separator only to build sort keys. The separator is found on first read instead, with the
// same comparison and the locale of that moment (test/csl/sort-separator.test.ts).
const lazySortSeparator = {
  name: 'lazy-sort-separator',
  setup(b) {
    b.onLoad({ filter: /[\\/]citeproc[\\/]citeproc_commonjs\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = [
        `    if ('dale|'.localeCompare('daleb', this.opt["default-locale-sort"]) > -1) {`,
        '        this.opt.sort_sep = "@";',
        '    } else {',
        '        this.opt.sort_sep = "|";',
        '    }',
      ].join('\n');
      if (text.split(eager).length !== 2)
        throw new Error(`${args.path}: the engine no longer finds its sort separator as expected`);
      const kept = (value) =>
        `Object.defineProperty(this, "sort_sep", { value: ${value}, writable: true, configurable: true, enumerable: true })`;
      const lazy = [
        '    var sortSeparatorLocale = this.opt["default-locale-sort"];',
        '    Object.defineProperty(this.opt, "sort_sep", { configurable: true, enumerable: true,',
        `        get: function () { var found = 'dale|'.localeCompare('daleb', sortSeparatorLocale) > -1 ? "@" : "|"; ${kept('found')}; return found; },`,
        `        set: function (value) { ${kept('value')}; } });`,
      ].join('\n');
      return { loader: 'js', contents: text.replace(eager, lazy) };
    });
  },
};

// commander requires node:child_process at its top, for subcommands that are programs of their own, which bibfolio
// has none of: loading it was 2 ms of every start. In commander it is loaded when first used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      loader: 'js',
      // every property read from the real module when it is read, so whatever commander calls is there
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });\n",
    }));
  },
};

// bibfolio's own bundles are in dist/, one folder below the package's root: paths.ts and version.ts take the root and
// the version from here instead of looking for package.json and reading it at every start
const own = {
  ...common,
  define: {
    ...common.define,
    __BIBFOLIO_PACKAGE_ROOT__: '__bibfolio_package_root',
    __BIBFOLIO_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
  banner: {
    js: `${common.banner.js}\nconst __bibfolio_package_root = require('node:path').join(__dirname, '..');`,
  },
};

rmSync('dist/bundles', { recursive: true, force: true });
await build({
  ...own,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bibfolio.cjs',
  plugins: [lazyVendors, lazyChildProcess],
});
// the worker renders and nothing else; it loads citeproc-js from its bundle too
await build({
  ...own,
  entryPoints: ['src/render/worker.ts'],
  outfile: 'dist/render-worker.cjs',
  plugins: [lazyVendors],
});
// the packages' own names are not needed (bibfolio's messages and error classes are in its bundle), and keeping them
// costs: esbuild's keepNames defines the name of every function citeproc-js creates while it renders, ~15% of a
// long list's time
for (const name of vendors)
  await build({
    ...common,
    keepNames: false,
    plugins: [noFetch, lazyLoggerConsole, lazySortSeparator],
    entryPoints: [`src/vendor/${name}.ts`],
    outfile: `dist/bundles/${name}.cjs`,
  });

// the launcher reads the bundles as Latin-1, so they must be ASCII. esbuild escapes strings but leaves regular
// expression literals (citation-js's /[–—]/) as they are: a \uXXXX escape means the same there, in strings and in
// identifiers. Refused where it would not: after a backslash, or in a String.raw template.
const hashes = {};
for (const file of [
  'dist/bibfolio.cjs',
  'dist/render-worker.cjs',
  ...vendors.map((name) => `dist/bundles/${name}.cjs`),
]) {
  const text = readFileSync(file, 'utf8');
  const risky = /\\[^\x00-\x7f]|String\.raw`[^`]*[^\x00-\x7f]/.exec(text);
  if (risky) throw new Error(`${file}: cannot escape "${risky[0]}" safely; the launcher reads the bundle as Latin-1`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, ascii);
  hashes[file.replace(/^dist\//, '')] = createHash('sha256').update(ascii).digest('hex').slice(0, 32);
}

// What the launcher keys its V8 code caches by: each bundle's content. V8 itself checks only a cache's length and
// version against the source, so a key by size and date could serve the cache of another build of the same size
// (npm gives every file of a package the same date).
writeFileSync('dist/bundles.json', `${JSON.stringify(hashes, null, 2)}\n`);
