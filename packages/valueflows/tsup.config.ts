import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'graphql/index': 'src/graphql/index.ts',
    'cli/imago-vf': 'src/cli/imago-vf.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', 'graphql/index': 'src/graphql/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The CC-BY-SA data files stay separate files of the package (see data/LICENSE).
  external: [/^#data\//],
  // The private @imago/kit (packages/kit) is compiled into the bundle and its declarations inlined:
  // no published file names it.
  noExternal: [/^@imago\/kit\//],
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'import-attributes': true };
  },
});
