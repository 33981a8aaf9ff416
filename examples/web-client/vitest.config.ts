import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds and serves the app, and starts a throw-away Synapse unless IMAGO_HOMESERVER_URL is set.
    globalSetup: ['./test/global-setup.ts'],
    // One Chromium at a time: the suites share two busy cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
