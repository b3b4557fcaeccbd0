/**
 * The store's one transaction, as a library user calls it (src/index.ts): a commit writes the store once, a dry run
 * only diffs, a store changed on disk meanwhile or one that cannot be parsed losslessly is never written, and steps
 * in memory (StepSession) chain into one write.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StepSession, StoreTransactionError, withStoreTransaction } from '../../src/index.js';

const STORE = '@misc{a,\n  title = {A}\n}\n';

function store(text = STORE): { path: string; options: { storePath: string; storeDisplay: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'bibfolio-transaction-'));
  const path = join(dir, 'pubs.bib');
  writeFileSync(path, text);
  return { path, options: { storePath: path, storeDisplay: 'pubs.bib' } };
}

const base = { dryRun: false, mayCreate: false, what: 'edit' } as const;

describe('withStoreTransaction', () => {
  it('commits a new text and its sidecar; a dry run gives the diff and writes nothing', async () => {
    const s = store();
    const dry = await withStoreTransaction({ ...s.options, ...base, dryRun: true }, async (session) => {
      await session.commit(`${STORE}@misc{b,\n  title = {B}\n}\n`, session.sidecar);
      return session.diff;
    });
    expect(dry).toContain('+@misc{b,');
    expect(readFileSync(s.path, 'utf8')).toBe(STORE);
    await withStoreTransaction({ ...s.options, ...base }, (session) =>
      session.commit(`${STORE}@misc{b,\n  title = {B}\n}\n`, session.sidecar),
    );
    expect(readFileSync(s.path, 'utf8')).toContain('@misc{b,');
  });

  it('refuses to write a store that changed on disk during the work, and one that cannot be read losslessly', async () => {
    const s = store();
    await expect(
      withStoreTransaction({ ...s.options, ...base }, async (session) => {
        writeFileSync(s.path, `${STORE}% edited meanwhile\n`);
        await session.commit(`${STORE}@misc{c}\n`, session.sidecar);
      }),
    ).rejects.toThrow(/changed on disk during the edit; nothing was written/);
    expect(readFileSync(s.path, 'utf8')).toBe(`${STORE}% edited meanwhile\n`);
    const broken = store('@misc{a, title = {unclosed\n');
    const error = await withStoreTransaction({ ...broken.options, ...base }, async () => undefined).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(StoreTransactionError);
    expect((error as StoreTransactionError).problems.length).toBeGreaterThan(0);
  });

  it('steps in memory chain into one write', async () => {
    const s = store();
    await withStoreTransaction({ ...s.options, ...base }, async (session) => {
      const steps = new StepSession(session.store, session.sidecar, false);
      await withStoreTransaction({ ...s.options, ...base, within: steps }, (step) =>
        step.commit(`${step.store.scan.source}@misc{b}\n`, step.sidecar),
      );
      await withStoreTransaction({ ...s.options, ...base, within: steps }, (step) =>
        step.commit(`${step.store.scan.source}@misc{c}\n`, step.sidecar),
      );
      expect(readFileSync(s.path, 'utf8')).toBe(STORE);
      await session.commit(steps.store.scan.source, steps.sidecar);
    });
    expect(readFileSync(s.path, 'utf8')).toBe(`${STORE}@misc{b}\n@misc{c}\n`);
  });
});
