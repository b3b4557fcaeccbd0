/**
 * Vitest's settings. @actions/workflow-parser (the test of the sync workflow) imports its JSON schema without the
 * import attribute Node 20 asks for: vitest reads that package itself instead of handing it to Node. The global setup
 * gives the run a temporary folder of its own, removed at the end.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/temp-folders.global.ts'],
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
