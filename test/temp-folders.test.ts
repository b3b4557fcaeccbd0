import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run’s temporary folders', () => {
  it('are made inside a folder of this run’s own, which the global setup removes at the end', () => {
    expect(basename(tmpdir())).toMatch(/^bibfolio-tests-/);
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
