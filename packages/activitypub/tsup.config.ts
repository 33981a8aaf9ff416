import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'cli/imago-activitypub': 'src/cli/imago-activitypub.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // node:sqlite has no bare-name alias: tsup must keep the `node:` prefix.
  removeNodeProtocol: false,
  // The private @imago/kit (packages/kit) is compiled into the bundle and its declarations inlined:
  // no published file names it.
  noExternal: [/^@imago\/kit\//],
});
