import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The matrix-binding README runs against a live Synapse: started here unless
    // IMAGO_HOMESERVER_URL is set.
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
