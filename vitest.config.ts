/**
 * Vitest's settings. @actions/workflow-parser (the test of the sync workflow) imports its JSON schema without the
 * import attribute Node 20 asks for: vitest reads that package itself instead of handing it to Node.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
