/** Types of scripts/seeded-random.mjs, for the tests that import it. */
/** A small seeded generator (mulberry32): numbers in [0, 1), the same for the same seed. */
export function seededRandom(seed: number): () => number;
