import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'authorisation/index': 'src/authorisation/index.ts',
  'media/index': 'src/media/index.ts',
};

export default defineConfig({
  entry,
  format: ['esm'],
  dts: { entry },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
