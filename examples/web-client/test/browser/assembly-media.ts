/**
 * What the assembly test runs on and listens with: the repository's scripts that start LiveKit
 * and Synapse (their variables read back), a free port, how much sound a page received from a
 * member, and opening the assembly view of the open group.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const scripts = fileURLToPath(new URL('../../../../scripts/', import.meta.url));
/** Where the scripts keep LiveKit's and Synapse's instances. */
export const cache = process.env.IMAGO_CACHE_DIR
  ? `${process.env.IMAGO_CACHE_DIR}/`
  : fileURLToPath(new URL('../../../../.cache/', import.meta.url));
/** Where the test's logs and screenshots are kept. */
export const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** A loopback port free at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs one of the repository's scripts; returns the `IMAGO_*` variables it printed. */
export function run(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Record<string, string> {
  const output = execFileSync('bash', [`${scripts}${script}`, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim()))
      .flatMap((match) => (match?.[1] && match[2] !== undefined ? [[match[1], match[2]]] : [])),
  );
}

/** The sound a page has received from a member so far (the tile's counter, from WebRTC stats). */
export async function bytesFrom(page: Page, userId: string): Promise<number> {
  const value = await page
    .locator(`.tile[data-user-id="${userId}"] .tile-bytes`)
    .getAttribute('data-bytes-received', { timeout: 1_000 })
    .catch(() => null);
  return Number(value ?? 0);
}

/** Waits until the sound received from a member grows by `more` bytes. */
export async function heard(page: Page, userId: string, more = 4_000, timeout = 30_000): Promise<void> {
  const start = await bytesFrom(page, userId);
  const deadline = Date.now() + timeout;
  while ((await bytesFrom(page, userId)) < start + more) {
    if (Date.now() > deadline) throw new Error(`no sound from ${userId} reached the page`);
    await page.waitForTimeout(250);
  }
}

/** Opens the group's assembly and joins the meeting. */
export async function openAssembly(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Assembly' }).click();
  await page.getByRole('heading', { level: 2, name: 'Assembly' }).waitFor();
  await page.getByRole('button', { name: 'Join the meeting' }).click();
  await page.getByText('You are in the meeting.').waitFor({ timeout: 30_000 });
}
