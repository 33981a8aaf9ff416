/**
 * Vitest global setup: build the package with tsup so that CLI tests spawn the real bin.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
  const require = createRequire(join(packageDir, 'package.json'));
  const tsup = join(dirname(require.resolve('tsup/package.json')), 'dist', 'cli-default.js');
  execFileSync(process.execPath, [tsup, '--silent'], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
