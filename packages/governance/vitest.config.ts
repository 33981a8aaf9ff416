import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The private @imago/kit is imported through tsconfig `paths` (packages/kit/README.md).
  resolve: { tsconfigPaths: true },
});
