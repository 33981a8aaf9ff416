import { defineConfig } from 'vitest/config';

// graphql 17 ships a separate development build under the `development` export condition.
// `@valueflows/vf-graphql` is CommonJS and `require`s graphql without that condition, so the
// tests resolve graphql the way Node does at run time; otherwise two graphql copies would meet.
const conditions = ['module-sync', 'node', 'import', 'default'];

export default defineConfig({
  // The private @imago/kit is imported through tsconfig `paths` (packages/kit/README.md).
  resolve: { conditions, tsconfigPaths: true },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    // CLI tests spawn processes; on a loaded two-core machine they can take seconds.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
  },
});
