/** The build id of the project at `root` (scripts/build-id.mjs). */
export function buildId(root?: string): string;
