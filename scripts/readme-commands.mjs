// Writes the README's command table from the commands themselves (src/cli/command-table.ts): `npm run readme`.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildProgram } from '../dist/cli/program.js';
import { commandTable, withCommandTable } from '../dist/cli/command-table.js';

const io = { cwd: process.cwd(), env: {}, interactive: false, stdout() {}, stderr() {} };
const readme = readFileSync('README.md', 'utf8');
const next = withCommandTable(readme, commandTable(await buildProgram(io)));
if (next === undefined) {
  console.error('README.md has no command-table markers');
  process.exit(1);
}
if (next !== readme) writeFileSync('README.md', next);
console.log(next === readme ? 'README.md: the command table is up to date' : 'README.md: command table written');
