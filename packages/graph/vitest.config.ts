import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The private @imago/kit is imported through tsconfig `paths` (packages/kit/README.md).
  resolve: { tsconfigPaths: true },
  test: {
    // The CLI tests run the `imago-graph` bin, bundled once by tsup before the run.
    globalSetup: ['./test/build-package.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
