import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      // Subpath entries, so that a bundle holds only the groups it imports (Ed25519 pulls
      // @noble/curves); shared code lands in common chunks.
      'finite-field': 'src/finite-field.ts',
      ed25519: 'src/ed25519.ts',
      'node/index': 'src/node/index.ts',
    },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  {
    // The command line is one file of its own: it bundles the progress bar (a dependency of the
    // command line alone, not of the library), whose CommonJS needs `require`.
    entry: { 'cli/helios-c': 'src/cli/helios-c.ts' },
    format: ['esm'],
    noExternal: ['cli-progress'],
    splitting: false,
    sourcemap: true,
    target: 'es2022',
    banner: {
      js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);",
    },
  },
]);
