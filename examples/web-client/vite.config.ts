import { defineConfig } from 'vite';

/**
 * The client is a static single-page application. matrix-js-sdk's Rust crypto loads its
 * WebAssembly with `new URL('./pkg/…_bg.wasm', import.meta.url)`, which Vite's build copies and
 * rewrites; the dependency pre-bundler of the dev server would break that URL, so the package is
 * excluded from it.
 */
export default defineConfig({
  base: './',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  optimizeDeps: {
    exclude: ['@matrix-org/matrix-sdk-crypto-wasm'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
