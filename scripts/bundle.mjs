#!/usr/bin/env node
/**
 * Bundles the command line into one file (dist/bibfolio.cjs) and the render worker into another
 * (dist/render-worker.cjs) with esbuild. One file loads far faster than ~200 modules: Node resolves, reads and
 * lexes each module it imports, and that was most of the start-up time of a small list (see README, Performance).
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // the modules use import.meta.url to find their package; in CommonJS that is the bundle's own file
  define: { 'import.meta.url': '__bibfolio_import_meta_url' },
  banner: { js: "const __bibfolio_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // ASCII output (non-ASCII characters in strings escaped): V8 keeps an ASCII source as a one-byte string, half the
  // memory and read time of the two-byte string a single em dash in a comment would force
  charset: 'ascii',
  // minified, names kept (messages and error classes use them): less to read, parse and hash at every start
  minify: true,
  keepNames: true,
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/bibfolio.cjs' });
await build({ ...common, entryPoints: ['src/render/worker.ts'], outfile: 'dist/render-worker.cjs' });

// the launcher reads the bundles as Latin-1, so they must be ASCII. esbuild escapes strings but leaves regular
// expression literals (citation-js's /[–—]/) as they are: a \uXXXX escape means the same there, in strings and in
// identifiers. Refused where it would not: after a backslash, or in a String.raw template.
for (const file of ['dist/bibfolio.cjs', 'dist/render-worker.cjs']) {
  const text = readFileSync(file, 'utf8');
  const risky = /\\[^\x00-\x7f]|String\.raw`[^`]*[^\x00-\x7f]/.exec(text);
  if (risky) throw new Error(`${file}: cannot escape "${risky[0]}" safely; the launcher reads the bundle as Latin-1`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, ascii);
}
