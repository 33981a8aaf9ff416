import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';

const serverMain = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** A running example server. */
export interface RunningService {
  readonly process: ChildProcess;
  readonly userId: string;
  /** The service account's password. */
  readonly password: string;
  stop(): Promise<void>;
}

/**
 * Starts the example server (`examples/server`) as a group service account on a homeserver, and
 * resolves once it says it is running. Its output goes to `test-artifacts/<log>`.
 *
 * @param homeserver - where the service account is registered.
 * @param env - more configuration (e.g. the LiveKit SFU of assemblies).
 * @param log - the log file's name.
 */
export async function startService(
  homeserver: TestHomeserver,
  env: Record<string, string> = {},
  log = 'service.log',
): Promise<RunningService> {
  if (!existsSync(serverMain)) {
    execFileSync('pnpm', ['--filter', '@imago/example-server', 'build'], { stdio: 'inherit' });
  }
  const localpart = `imago-service-${Date.now().toString(36)}`;
  const account = await registerUser(homeserver, localpart, { displayName: 'Imago service' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = `${ARTIFACTS}${log}`;
  writeFileSync(logFile, '');
  const workDir = mkdtempSync(join(tmpdir(), 'imago-web-client-service-'));
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      IMAGO_HOMESERVER_URL: homeserver.baseUrl,
      IMAGO_SERVICE_USER: localpart,
      IMAGO_SERVICE_PASSWORD: account.password,
      IMAGO_SERVICE_WORKDIR: workDir,
      IMAGO_BELENIOS_TOOL: '/usr/bin/belenios-tool',
      IMAGO_CLOSE_MARGIN_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the example server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      appendFileSync(logFile, chunk);
      if (/started as/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example server exited (${code}):\n${output}`));
    });
  });
  return {
    process: child,
    userId: account.userId,
    password: account.password,
    async stop() {
      // The service writes its crypto store a last time as it stops: its folder goes after it.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
