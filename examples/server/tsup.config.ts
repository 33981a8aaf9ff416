import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/main.ts', demo: 'src/demo.ts', index: 'src/index.ts' },
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node22',
});
