/**
 * The build id written into the bundles (scripts/bundle.mjs): a digest of every source file and of the locked
 * dependencies, part of every cache key (src/version.ts), so that a build of the same version never reads another's
 * cached results.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The build id of the project at `root`: its `src` files (path and bytes) and its `package-lock.json`. */
export function buildId(root = '.') {
  const hash = createHash('sha256');
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')])
    hash.update(relative(root, file)).update('\u0000').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
