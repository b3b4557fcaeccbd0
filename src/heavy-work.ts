/**
 * A hint to the command line's launcher (src/cli/launch.cts) that heavy work lies ahead: it then sets V8's flags for
 * it (a heap collected sooner, fewer functions optimized) before the heap grows. The launcher sets them anyway when
 * the first package bundle loads, but a large store's text and parse come before that, and a heap sized while they
 * were read kept its size: 10,000 entries APA peaked at 317-338 MiB against 270-275 with the flags set at the start.
 * Without the launcher (bibfolio used as a library) it does nothing.
 */
declare global {
  /** Set by dist/cli/launch.cjs. */
  var __bibfolioHeavyWork: (() => void) | undefined;
}

/** Characters of store text from which reading the store is heavy work (about 2,500 entries). */
export const LARGE_STORE = 1_000_000;

export function heavyWorkAhead(): void {
  globalThis.__bibfolioHeavyWork?.();
}
