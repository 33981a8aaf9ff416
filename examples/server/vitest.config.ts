import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration suites talk to a live Synapse: started here unless IMAGO_HOMESERVER_URL is set.
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/quiet.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One scenario at a time: both suites load the same homeserver and the two cores.
    fileParallelism: false,
  },
});
