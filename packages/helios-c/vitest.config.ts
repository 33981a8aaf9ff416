import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CLI tests spawn processes; on a loaded two-core machine they can take seconds.
    testTimeout: 30_000,
    globalSetup: ['test/support/build-cli.ts'],
  },
});
