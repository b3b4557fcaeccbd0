import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run’s temporary folders', () => {
  it('are made inside a folder of this run’s own (test/temp-folders.global.ts, which removes it at the end)', () => {
    expect(basename(tmpdir())).toMatch(/^bibfolio-tests-/);
  });
});
