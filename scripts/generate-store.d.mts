/** Types of generate-store.mjs, for the tests that import it. */
export function generateStore(count: number, seed?: number): string;
