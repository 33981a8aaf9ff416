import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegistration } from '../node/registration';

// The package's bin, as built (the test suite builds every package first).
const BIN = fileURLToPath(new URL('../../dist/cli/imago-activitypub.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imago-activitypub-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('imago-activitypub', () => {
  it('--help exits 0 and documents both commands', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('imago-activitypub register');
    expect(result.stdout).toContain('imago-activitypub serve');
  });

  it('register writes a registration with fresh tokens and an exclusive ghost namespace', async () => {
    const out = join(work, 'registration.yaml');
    const result = await run(
      'register',
      '--url',
      'http://127.0.0.1:9001',
      '--out',
      out,
      '--prefix',
      '_fedi_',
    );
    expect(result.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain("regex: '@_fedi_.*'");
    expect(text).toContain('exclusive: true');
    const registration = await readRegistration(out);
    expect(registration).toMatchObject({
      url: 'http://127.0.0.1:9001',
      senderLocalpart: '_ap_bridge',
      ghostPrefix: '_fedi_',
    });
    expect(registration.asToken).toMatch(/^[A-Za-z0-9]{32,}$/);
    expect(registration.asToken).not.toBe(registration.hsToken);
  });

  it('serve loads the bridge and stops with one line when the homeserver does not answer', async () => {
    const registration = join(work, 'serve.yaml');
    expect((await run('register', '--url', 'http://127.0.0.1:9002', '--out', registration)).code).toBe(0);
    const result = await run(
      'serve',
      '--registration',
      registration,
      '--homeserver',
      'http://127.0.0.1:1',
      '--store',
      ':memory:',
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('Cannot find');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`imago-activitypub ${version}`);
  });

  it.each(['missing.yaml', 'bad.yaml'])(
    'a registration file %s that cannot be used: exit 1, one line naming the file',
    async (name) => {
      writeFileSync(join(work, 'bad.yaml'), 'id: x\nurl: http://127.0.0.1:1\n');
      const registration = join(work, name);
      const args = ['--homeserver', 'http://127.0.0.1:1', '--store', ':memory:'];
      const result = await run('serve', '--registration', registration, ...args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(registration);
    },
  );

  it.each([
    [['register', '--out', join(work, 'x.yaml')]],
    [['register', '--url', 'not a url', '--out', join(work, 'y.yaml')]],
    [['serve', '--homeserver', 'http://127.0.0.1:1', '--store', ':memory:']],
    [['serve', '--nonsense']],
    [['frobnicate']],
  ])('%j is a bad command line: exit 2, one line on standard error', async (args) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
