/**
 * Installing as a user would: `npm pack`'s tarball installed globally (its dependencies only, no dev dependencies),
 * and `npm install -g` of a fresh clone (npm links the folder; its `prepare` builds it). Each installed `bibfolio`
 * then renders a store in a folder of its own. npm answers from its cache (`--prefer-offline`): `npm ci` filled it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { cwd, encoding: 'utf8' });

/** A site with a two-entry store, and the installed command's answer there. */
function renderWith(bin: string): { version: string; list: string } {
  const site = mkdtempSync(join(tmpdir(), 'bibfolio-site-'));
  mkdirSync(join(site, 'bib'));
  writeFileSync(
    join(site, 'bib/publications.bib'),
    '@article{a, title = {Denoising Diffusions}, author = {Benton, Joe and Doucet, Arnaud}, journal = {JMLR}, year = {2024}}\n' +
      '@misc{b, title = {H{\\"a}gele Flows}, author = {H{\\"a}gele, Alexander and Benton, Joe}, year = {2023}, eprint = {2301.00001}, archivePrefix = {arXiv}}\n',
  );
  const version = spawnSync(bin, ['--version'], { cwd: site, encoding: 'utf8' });
  const list = spawnSync(bin, ['format', '--to', 'markdown', '--owner', 'Joe Benton'], { cwd: site, encoding: 'utf8' });
  expect(list.stderr).toBe('');
  return { version: version.stdout.trim(), list: list.stdout };
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('installing bibfolio as a user would', () => {
  beforeAll(() => {
    // the tarball packs dist/ as the build left it
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  }, 300_000);

  it("installs npm pack's tarball globally without dev dependencies, and it renders a store", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-pack-'));
    npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz')) as string;
    npm(['install', '-g', '--prefix', join(dir, 'global'), join(dir, tarball)], dir);
    const installed = join(dir, 'global/lib/node_modules/bibfolio/node_modules');
    // no dev dependency came with it
    expect(readdirSync(installed)).not.toContain('typescript');
    expect(readdirSync(installed)).not.toContain('vitest');
    const { version, list } = renderWith(join(dir, 'global/bin/bibfolio'));
    expect(version).toBe(VERSION);
    expect(list).toContain('- Denoising Diffusions. **Joe Benton**, Arnaud Doucet. JMLR, 2024.');
    expect(list).toContain('Alexander Hägele, **Joe Benton**');
  }, 300_000);

  it('installs a fresh clone with npm install -g: its prepare builds it, and it renders a store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibfolio-clone-'));
    execFileSync('git', ['clone', '--quiet', ROOT, join(dir, 'clone')]);
    npm(['install', '-g', '--prefix', join(dir, 'global'), join(dir, 'clone')], dir);
    const { version, list } = renderWith(join(dir, 'global/bin/bibfolio'));
    expect(version).toBe(VERSION);
    expect(list).toContain('- Denoising Diffusions. **Joe Benton**, Arnaud Doucet. JMLR, 2024.');
  }, 600_000);
});
