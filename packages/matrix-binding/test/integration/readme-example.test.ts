/**
 * The README's first TypeScript example runs as written: its `@imago/matrix-binding` imports (and
 * subpaths) are pointed at this package's sources, the file is imported, and what it prints is
 * checked.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** The first ```ts block of the README, with `@imago/matrix-binding[/sub]` resolved to `src/[sub/]index.ts`. */
function readmeExample(): string {
  const readme = readFileSync(`${packageDir}README.md`, 'utf8');
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(readme);
  if (block?.[1] === undefined) throw new Error('README.md has no ```ts block');
  return block[1].replace(/(['"])@imago\/matrix-binding(\/[a-z-]+)?\1/g, (_, quote: string, sub?: string) => {
    return `${quote}${packageDir}src${sub ?? ''}/index.ts${quote}`;
  });
}

/** Imports the example as a module and returns the lines it logged. */
async function runReadmeExample(): Promise<string[]> {
  const dir = `${packageDir}test-artifacts/readme-example-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/example.ts`;
  writeFileSync(file, readmeExample());
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('README example', () => {
  it('creates a group on the live Synapse and replays an approved decision from its room', async () => {
    expect(await runReadmeExample()).toEqual(['adopted']);
  });
});
