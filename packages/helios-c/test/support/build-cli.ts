/**
 * Vitest global setup: builds the helios-c command once (tsup, no type declarations) so that
 * tests run the real executable, as a user or a script would. Each run builds into its own
 * directory (runs may overlap) and removes it at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  // Inside the package so that the bundle resolves its dependencies from the package's node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'helios-c-cli-'));
  const tsup = [
    join(root, 'node_modules', '.bin', 'tsup'),
    join(root, '..', '..', 'node_modules', '.bin', 'tsup'),
  ].find((p) => existsSync(p));
  if (!tsup) throw new Error('tsup is not installed: run pnpm install');
  execFileSync(
    tsup,
    [
      '--no-config',
      'src/cli/helios-c.ts',
      '--format',
      'esm',
      '--target',
      'es2022',
      '--out-dir',
      out,
      // The published command bundles it (tsup.config.ts); here it loads from node_modules.
      '--external',
      'cli-progress',
      '--silent',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  process.env.HELIOS_C_CLI = join(out, 'helios-c.js');
  return () => rmSync(out, { recursive: true, force: true });
}
