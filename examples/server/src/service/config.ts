/**
 * @module
 * The service's configuration: a JSON file (optional) overridden by environment variables.
 * Parsed at this one boundary into a typed value; a bad value is a {@link ConfigError} naming it.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Everything the service needs to run. */
export interface ServiceConfig {
  /** Client-server API base URL of the homeserver. */
  readonly homeserverUrl: string;
  /** The bot account: a user id or localpart, with a password or an access token. */
  readonly user: string;
  readonly password?: string;
  readonly accessToken?: string;
  readonly deviceId?: string;
  /**
   * Where the service keeps its session, its crypto store (its Matrix device's keys), its election
   * store (its trustee keys, voters' credentials until delivered, ballots handed to it) and the
   * archives it verifies: a restarted service picks up from there.
   */
  readonly workDir: string;
  /** Passphrase encrypting the crypto store (absent: the store is not encrypted; protect the folder). */
  readonly cryptoPassphrase?: string;
  /** belenios-tool for the second verification of every archive; `''` disables it. */
  readonly beleniosTool: string;
  /** How announcements are propagated (see @imago/graph `PropagateOptions`). */
  readonly propagation: { readonly by: 'geo' | 'relation' | 'theme' | 'composite'; readonly k: number };
  /** Margin after a decision's deadline before closing it (ms), for clock skew. */
  readonly closeMarginMs: number;
  /** Log format: readable lines or JSON lines. */
  readonly logFormat: 'text' | 'json';
  /** The LiveKit SFU of assemblies (absent: the service runs no RTC authorisation). */
  readonly livekit?: { readonly url: string; readonly apiKey: string; readonly apiSecret: string };
  /** Port of the RTC authorisation service on 127.0.0.1 (0: a free one). */
  readonly rtcPort: number;
  /**
   * Post a checkpoint of a decisions room's fold (as the group's authority) every this many log
   * entries, so that members open long histories fast; 0: never.
   */
  readonly checkpointEvery: number;
}

/** A configuration value is missing or invalid. */
export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`${key}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, unknown>;

const ENV: Record<
  string,
  keyof ServiceConfig | 'propagation.by' | 'propagation.k' | `livekit.${'url' | 'apiKey' | 'apiSecret'}`
> = {
  IMAGO_HOMESERVER_URL: 'homeserverUrl',
  IMAGO_SERVICE_USER: 'user',
  IMAGO_SERVICE_PASSWORD: 'password',
  IMAGO_SERVICE_ACCESS_TOKEN: 'accessToken',
  IMAGO_SERVICE_DEVICE_ID: 'deviceId',
  IMAGO_SERVICE_WORKDIR: 'workDir',
  IMAGO_CRYPTO_PASSPHRASE: 'cryptoPassphrase',
  IMAGO_BELENIOS_TOOL: 'beleniosTool',
  IMAGO_PROPAGATION_BY: 'propagation.by',
  IMAGO_PROPAGATION_K: 'propagation.k',
  IMAGO_CLOSE_MARGIN_MS: 'closeMarginMs',
  IMAGO_LOG_FORMAT: 'logFormat',
  IMAGO_LIVEKIT_URL: 'livekit.url',
  IMAGO_LIVEKIT_API_KEY: 'livekit.apiKey',
  IMAGO_LIVEKIT_API_SECRET: 'livekit.apiSecret',
  IMAGO_RTC_PORT: 'rtcPort',
  IMAGO_CHECKPOINT_EVERY: 'checkpointEvery',
};

function str(source: Source, key: string, fallback?: string): string {
  const value = source[key] ?? fallback;
  if (typeof value !== 'string' || (value === '' && fallback === undefined)) {
    throw new ConfigError(key, 'expected a non-empty string');
  }
  return value;
}

function optionalStr(source: Source, key: string): string | undefined {
  const value = source[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new ConfigError(key, 'expected a string');
  return value;
}

function int(source: Source, key: string, fallback: number, min: number): number {
  const raw = source[key] ?? fallback;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ConfigError(key, `expected an integer >= ${min}`);
  }
  return value;
}

function oneOf<T extends string>(source: Source, key: string, allowed: readonly T[], fallback: T): T {
  const value = source[key] ?? fallback;
  if (!allowed.includes(value as T)) throw new ConfigError(key, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Reads the configuration: the JSON file (if given) then the environment, which wins.
 *
 * @param options - the file path and the environment (default `process.env`).
 * @returns the configuration.
 * @throws {@link ConfigError} on a missing or invalid value, or an unreadable file.
 */
export function loadConfig(
  options: {
    file?: string;
    env?: Record<string, string | undefined>;
    overrides?: Partial<ServiceConfig>;
  } = {},
): ServiceConfig {
  let source: Source = {};
  if (options.file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(options.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ConfigError(options.file, 'expected a JSON object');
      }
      source = { ...(parsed as Source) };
      const propagation = source.propagation;
      if (typeof propagation === 'object' && propagation !== null) {
        const p = propagation as Source;
        if (p.by !== undefined) source['propagation.by'] = p.by;
        if (p.k !== undefined) source['propagation.k'] = p.k;
      }
      const livekit = source.livekit;
      if (typeof livekit === 'object' && livekit !== null) {
        for (const [key, value] of Object.entries(livekit)) source[`livekit.${key}`] = value;
      }
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(options.file, `cannot read the configuration file (${(error as Error).message})`);
    }
  }
  const env = options.env ?? process.env;
  for (const [name, key] of Object.entries(ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') source[key] = value;
  }
  Object.assign(source, options.overrides ?? {});
  // An override of `propagation` replaces both of its keys (the file's were flattened above).
  const propagation = options.overrides?.propagation;
  if (propagation)
    Object.assign(source, { 'propagation.by': propagation.by, 'propagation.k': propagation.k });
  const config: ServiceConfig = {
    homeserverUrl: str(source, 'homeserverUrl').replace(/\/$/, ''),
    user: str(source, 'user', 'imago-service'),
    ...(optionalStr(source, 'password') ? { password: optionalStr(source, 'password') } : {}),
    ...(optionalStr(source, 'accessToken') ? { accessToken: optionalStr(source, 'accessToken') } : {}),
    ...(optionalStr(source, 'deviceId') ? { deviceId: optionalStr(source, 'deviceId') } : {}),
    workDir: str(source, 'workDir', join(tmpdir(), 'imago-service')),
    ...(optionalStr(source, 'cryptoPassphrase')
      ? { cryptoPassphrase: optionalStr(source, 'cryptoPassphrase') }
      : {}),
    beleniosTool: typeof source.beleniosTool === 'string' ? source.beleniosTool : '/usr/bin/belenios-tool',
    propagation: {
      by: oneOf(source, 'propagation.by', ['geo', 'relation', 'theme', 'composite'], 'geo'),
      k: int(source, 'propagation.k', 2, 1),
    },
    closeMarginMs: int(source, 'closeMarginMs', 250, 0),
    logFormat: oneOf(source, 'logFormat', ['text', 'json'], 'text'),
    ...(source['livekit.url'] === undefined
      ? {}
      : {
          livekit: {
            url: str(source, 'livekit.url'),
            apiKey: str(source, 'livekit.apiKey'),
            apiSecret: str(source, 'livekit.apiSecret'),
          },
        }),
    rtcPort: int(source, 'rtcPort', 0, 0),
    checkpointEvery: int(source, 'checkpointEvery', 1000, 0),
  };
  if (!config.password && !config.accessToken) {
    throw new ConfigError('password', 'give a password or an access token for the service account');
  }
  return config;
}
