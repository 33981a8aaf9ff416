import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The private @imago/kit is imported through tsconfig `paths` (packages/kit/README.md).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // The integration suites each start their own Synapse and peer: one file at a time.
    fileParallelism: false,
  },
});
