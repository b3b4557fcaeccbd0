/** A copy of citeproc-js of its own (the module cache emptied for it), with the given patches or none. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Citeproc } from '../../src/vendor/citeproc.js';
import { ROOT } from '../helpers.js';

export function freshCiteproc(patches: ReadonlyArray<(CSL: Citeproc) => void> = []): Citeproc {
  const require = createRequire(join(ROOT, 'package.json'));
  const path = require.resolve('citeproc');
  const cached = require.cache[path];
  delete require.cache[path];
  const CSL = require('citeproc') as Citeproc;
  if (cached) require.cache[path] = cached;
  for (const patch of patches) patch(CSL);
  return CSL;
}
