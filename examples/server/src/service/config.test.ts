import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function fail(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads the file, then the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imago-config-'));
    const file = join(dir, 'service.json');
    writeFileSync(
      file,
      JSON.stringify({
        homeserverUrl: 'http://a.example/',
        user: 'bot',
        password: 'p',
        propagation: { by: 'relation', k: 4 },
      }),
    );
    const config = loadConfig({
      file,
      env: { IMAGO_HOMESERVER_URL: 'http://b.example', IMAGO_PROPAGATION_K: '3' },
    });
    expect(config.homeserverUrl).toBe('http://b.example');
    expect(config.user).toBe('bot');
    expect(config.propagation).toEqual({ by: 'relation', k: 3 });
    expect(config.cryptoPassphrase).toBeUndefined();
  });

  it('takes an override of propagation over the file and the environment', () => {
    const config = loadConfig({
      env: { IMAGO_HOMESERVER_URL: 'http://b.example', IMAGO_PROPAGATION_K: '5' },
      overrides: { password: 'p', propagation: { by: 'geo', k: 3 } },
    });
    expect(config.propagation).toEqual({ by: 'geo', k: 3 });
  });

  it('names the bad key', () => {
    expect(fail(() => loadConfig({ env: {} })).key).toBe('homeserverUrl');
    expect(fail(() => loadConfig({ env: { IMAGO_HOMESERVER_URL: 'http://x' } })).key).toBe('password');
    const bad = fail(() =>
      loadConfig({
        env: { IMAGO_HOMESERVER_URL: 'http://x', IMAGO_SERVICE_PASSWORD: 'p', IMAGO_PROPAGATION_K: '0' },
      }),
    );
    expect(bad.key).toBe('propagation.k');
    expect(bad.code).toBe('INVALID_CONFIG');
  });

  it('refuses a file that is not a JSON object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imago-config-'));
    const file = join(dir, 'service.json');
    writeFileSync(file, '[1]');
    expect(fail(() => loadConfig({ file, env: {} })).code).toBe('INVALID_CONFIG');
  });
});
