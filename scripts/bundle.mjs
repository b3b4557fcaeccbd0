#!/usr/bin/env node
/**
 * Bundles the command line into one file (dist/bibfolio.cjs) and the render worker into another
 * (dist/render-worker.cjs) with esbuild. One file loads far faster than ~200 modules: Node resolves, reads and
 * lexes each module it imports, and that was most of the start-up time of a small list (see README, Performance).
 */
import { build } from 'esbuild';

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
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/bibfolio.cjs' });
await build({ ...common, entryPoints: ['src/render/worker.ts'], outfile: 'dist/render-worker.cjs' });
