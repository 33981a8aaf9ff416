/**
 * Runs the first ```ts block of a package README as written, for the packages'
 * `readme-example` tests: its `@imago/<name>` imports (and subpaths) are pointed at the package's
 * sources, the file is imported, and the lines it logs are returned.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { vi } from 'vitest';

/** The first ```ts block of the README, with `@imago/<name>[/sub]` resolved to `src/[sub/]index.ts`. */
function readmeExample(packageDir: string, name: string): string {
  const readme = readFileSync(`${packageDir}README.md`, 'utf8');
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(readme);
  if (block?.[1] === undefined) throw new Error('README.md has no ```ts block');
  const specifier = new RegExp(`(['"])@imago/${name}(/[a-z-]+)?\\1`, 'g');
  return block[1].replace(specifier, (_, quote: string, sub?: string) => {
    return `${quote}${packageDir}src${sub ?? ''}/index.ts${quote}`;
  });
}

/**
 * Imports a package's README example as a module and returns the lines it logged.
 *
 * @param packageDir - the package folder, ending with `/`.
 * @param name - the package name without its scope (`graph` for `@imago/graph`).
 */
export async function runReadmeExample(packageDir: string, name: string): Promise<string[]> {
  const dir = `${packageDir}test-artifacts/readme-example-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/example.ts`;
  writeFileSync(file, readmeExample(packageDir, name));
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
