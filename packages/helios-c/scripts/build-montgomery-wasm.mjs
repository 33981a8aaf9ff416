// Compiles src/groups/montgomery/montgomery.wat with wabt (WebAssembly Binary Toolkit, built to
// WebAssembly itself) and writes the module's bytes, base64-encoded, to montgomery-wasm.ts, so
// that the package needs no .wasm file at run time (browsers and bundlers included).
// Run: `node scripts/build-montgomery-wasm.mjs` (or with `--check`: fail if the file is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const dir = fileURLToPath(new URL('../src/groups/montgomery/', import.meta.url));
const source = readFileSync(`${dir}montgomery.wat`, 'utf8');
const wabt = await wabtInit();
const module = wabt.parseWat('montgomery.wat', source, { simd: true });
module.validate();
const { buffer } = module.toBinary({});
const base64 = Buffer.from(buffer).toString('base64');
const lines = base64.match(/.{1,96}/g).map((l) => `  '${l}'`);
const text = `/**
 * The compiled bytes of \`montgomery.wat\` (${buffer.length} bytes), written by
 * \`scripts/build-montgomery-wasm.mjs\`: do not edit by hand.
 *
 * @module
 */

/** The WebAssembly module, base64-encoded. */
export const montgomeryWasmBase64 =
${lines.join(' +\n')};
`;
const target = `${dir}montgomery-wasm.ts`;
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error(`${target} is stale: run node scripts/build-montgomery-wasm.mjs`);
    process.exit(1);
  }
} else writeFileSync(target, text);
