import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'node/index': 'src/node/index.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The private @imago/kit (packages/kit) is compiled into the bundle and its declarations inlined:
  // no published file names it.
  noExternal: [/^@imago\/kit\//],
});
