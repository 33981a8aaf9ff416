import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The authorisation tests talk to a live Synapse and a live LiveKit SFU, started here unless
    // IMAGO_HOMESERVER_URL / IMAGO_LIVEKIT_URL are set.
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
