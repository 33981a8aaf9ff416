import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'wikidata/index': 'src/wikidata/index.ts',
  'feeds/index': 'src/feeds/index.ts',
  'snapshot/index': 'src/snapshot/index.ts',
};

export default defineConfig({
  entry: { ...entry, 'cli/imago-graph': 'src/cli/imago-graph.ts' },
  format: ['esm'],
  dts: { entry },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The private @imago/kit (packages/kit) is compiled into the bundle and its declarations inlined:
  // no published file names it.
  noExternal: [/^@imago\/kit\//],
});
