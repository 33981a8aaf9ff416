/**
 * Vitest global setup: bundle the `imago-graph` bin with tsup, as the package build does, into
 * test-artifacts/ (not dist/, which other packages may be reading while these tests run).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_OUT_DIR = 'test-artifacts/cli';

export default function setup(): void {
  const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
  const require = createRequire(join(packageDir, 'package.json'));
  const tsup = join(dirname(require.resolve('tsup/package.json')), 'dist', 'cli-default.js');
  execFileSync(
    process.execPath,
    [
      tsup,
      '--no-config',
      'src/cli/imago-graph.ts',
      '--format',
      'esm',
      '--target',
      'es2022',
      '--out-dir',
      CLI_OUT_DIR,
      '--silent',
    ],
    { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
