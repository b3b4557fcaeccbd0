#!/usr/bin/env node
/**
 * `npm prepare`: builds dist/. `npm install -g /path/to/a/fresh/clone` runs this in the clone with no dependencies
 * installed at all (npm links the folder): then the dependencies, dev ones included (TypeScript builds), are
 * installed first, without running their scripts or this one again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// the global install's settings (global, prefix, omit) are not this local install's
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
const run = (args) => execFileSync(npm, args, { cwd: ROOT, stdio: 'inherit', env });

if (!existsSync(join(ROOT, 'node_modules', 'typescript', 'package.json'))) {
  console.error('bibfolio: installing the dependencies needed to build it (a fresh clone)');
  run(['install', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}
run(['run', 'build', '--silent']);
