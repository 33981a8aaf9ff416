import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI tests run the built `imago-graph` bin, so the package is built once before the run.
    globalSetup: ['./test/build-package.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
