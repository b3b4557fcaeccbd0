/**
 * Vitest's global setup: every temporary folder a test makes (`mkdtemp(tmpdir())`, in the test or in a CLI it starts)
 * lands in one folder of this run's own, removed when the run ends, so that a run leaves nothing behind in the
 * system's temporary folder, whatever a test forgot to remove.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env['TMPDIR'];
  const root = mkdtempSync(join(tmpdir(), 'bibfolio-tests-'));
  // the workers and the processes the tests start inherit it: os.tmpdir() reads TMPDIR at every call
  process.env['TMPDIR'] = root;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(root, { recursive: true, force: true });
  };
}
