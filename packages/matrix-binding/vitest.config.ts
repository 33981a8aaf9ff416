import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The private @imago/kit is imported through tsconfig `paths` (packages/kit/README.md).
  resolve: { tsconfigPaths: true },
  test: {
    // Integration suites talk to a live Synapse: started here unless IMAGO_HOMESERVER_URL is set.
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/support/quiet-logger.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
