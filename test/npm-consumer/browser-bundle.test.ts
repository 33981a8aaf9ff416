/**
 * What a browser pays for `@imago/helios-c`: a ballot-and-tally script that uses only the
 * finite-field groups, bundled for the browser with esbuild (minified) from the packed package,
 * stays under the size budget its README states and holds no Ed25519 code; the same script on the
 * root entry point (which accepts Ed25519 elections) does hold it, so the check can tell.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject } from './consumer-project';

/** The budget the README of `@imago/helios-c` states (minified, then gzip). */
const budget = { minifiedKiB: 80, gzipKiB: 30 };
let project = '';

beforeAll(() => {
  project = createConsumerProject(['@imago/helios-c']);
  const script = readFileSync(new URL('./fixtures/ballot-and-tally.js', import.meta.url), 'utf8');
  writeFileSync(
    `${project}finite-field.js`,
    script.replace("from '@imago/helios-c'", "from '@imago/helios-c/finite-field'"),
  );
  copyFileSync(new URL('./fixtures/ballot-and-tally.js', import.meta.url), `${project}root.js`);
});

afterAll(() => {
  if (project !== '') rmSync(dirname(project), { recursive: true, force: true });
});

interface Bundle {
  readonly code: string;
  readonly minified: number;
  readonly gzip: number;
  /** The input files with bytes in the output. */
  readonly inputs: readonly string[];
}

async function bundle(entry: string): Promise<Bundle> {
  const result = await build({
    absWorkingDir: project,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]!;
  const meta: Metafile = result.metafile;
  const inputs = Object.values(meta.outputs).flatMap((out) =>
    Object.entries(out.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
  return {
    code: output.text,
    minified: output.contents.length,
    gzip: gzipSync(output.contents).length,
    inputs,
  };
}

/** Ed25519's code: `@noble/curves`, and helios-c's own Ed25519 group. */
const ed25519Code = (b: Bundle) => [
  ...b.inputs.filter((path) => path.includes('@noble/curves')),
  ...(b.code.includes('6666666666666666666666666666666666666666666666666666666666666658')
    ? ['the Ed25519 generator']
    : []),
];

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

describe('a browser bundle of a finite-field ballot-and-tally script', () => {
  it('stays under the budget the README states and holds no Ed25519 code; it runs', async () => {
    const ours = await bundle('finite-field.js');
    console.log(
      `@imago/helios-c/finite-field bundle: ${kib(ours.minified)} KiB minified, ${kib(ours.gzip)} KiB gzip`,
    );
    expect(ed25519Code(ours)).toEqual([]);
    expect(ours.inputs.some((path) => path.includes('node_modules/@imago/helios-c/dist/'))).toBe(true);
    expect(ours.minified).toBeLessThanOrEqual(budget.minifiedKiB * 1024);
    expect(ours.gzip).toBeLessThanOrEqual(budget.gzipKiB * 1024);
    const readme = readFileSync(`${project}node_modules/@imago/helios-c/README.md`, 'utf8');
    expect(readme).toContain(`${budget.minifiedKiB} KiB minified`);
    expect(readme).toContain(`${budget.gzipKiB} KiB gzip`);
    // The bundle works: the election is counted and its archive verifies (WebAssembly and
    // crypto.getRandomValues, as in a browser).
    writeFileSync(`${project}bundle.mjs`, ours.code);
    const run = spawnSync(process.execPath, ['bundle.mjs'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 110_000,
    });
    // (only the end of an error: its first line is the whole minified bundle)
    expect(run.stderr.slice(-1000)).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ result: [[2, 1]], ballots: 3 });
  });

  it('the same script on the root entry point holds Ed25519 (the check above can fail)', async () => {
    const root = await bundle('root.js');
    console.log(`@imago/helios-c bundle: ${kib(root.minified)} KiB minified, ${kib(root.gzip)} KiB gzip`);
    expect(ed25519Code(root).length).toBeGreaterThan(0);
  });
});
