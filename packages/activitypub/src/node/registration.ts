/**
 * @module
 * The application service registration (Matrix application service API): the file the homeserver
 * loads (`app_service_config_files`) and the bridge reads, with its tokens, its URL, its sender and
 * the exclusive namespace of its ghost users. Written and read as YAML.
 */
import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { AppServiceRegistration } from 'matrix-appservice';
import { InvalidConfigError } from '../errors/invalid-config-error';

/** What the bridge needs from its registration. */
export interface BridgeRegistration {
  readonly id: string;
  /** Where the homeserver sends transactions (the bridge's application service listener). */
  readonly url: string;
  readonly asToken: string;
  readonly hsToken: string;
  /** The bot's localpart. */
  readonly senderLocalpart: string;
  /** Localpart prefix of the ghost users (exclusive namespace `@<prefix>.*`). */
  readonly ghostPrefix: string;
}

/** Options of {@link createRegistration}. */
export interface CreateRegistrationOptions {
  /** Where the homeserver reaches the bridge's application service listener. */
  readonly url: string;
  readonly id?: string;
  readonly senderLocalpart?: string;
  readonly ghostPrefix?: string;
}

const LOCALPART = /^[a-z0-9._=/-]{1,64}$/;

/**
 * Makes a new registration with fresh random tokens.
 *
 * @param options - URL, id, sender and ghost prefix (defaults `imago-activitypub`, `_ap_bridge`, `_ap_`).
 * @returns the registration and its YAML text.
 * @throws `InvalidConfigError` (code `AP_INVALID_CONFIG`) for a bad URL or localpart.
 */
export function createRegistration(options: CreateRegistrationOptions): {
  registration: BridgeRegistration;
  yaml: string;
} {
  try {
    new URL(options.url);
  } catch {
    throw new InvalidConfigError('url', 'not an absolute URL');
  }
  const senderLocalpart = options.senderLocalpart ?? '_ap_bridge';
  const ghostPrefix = options.ghostPrefix ?? '_ap_';
  if (!LOCALPART.test(senderLocalpart)) throw new InvalidConfigError('senderLocalpart', 'not a localpart');
  if (!/^[a-z0-9._=-]{1,32}$/.test(ghostPrefix))
    throw new InvalidConfigError('ghostPrefix', 'not a localpart prefix');
  const registration = new AppServiceRegistration(options.url);
  registration.setId(options.id ?? 'imago-activitypub');
  registration.setHomeserverToken(AppServiceRegistration.generateToken());
  registration.setAppServiceToken(AppServiceRegistration.generateToken());
  registration.setSenderLocalpart(senderLocalpart);
  registration.setRateLimited(false);
  registration.addRegexPattern('users', `@${ghostPrefix.replace(/[.=]/g, '\\$&')}.*`, true);
  const output = registration.getOutput();
  return {
    registration: {
      id: output.id,
      url: options.url,
      asToken: output.as_token,
      hsToken: output.hs_token,
      senderLocalpart,
      ghostPrefix,
    },
    yaml: yaml.dump(output),
  };
}

/**
 * Reads a registration file.
 *
 * @param path - the YAML file.
 * @returns the registration.
 * @throws `InvalidConfigError` (code `AP_INVALID_CONFIG`) naming the missing or bad field.
 */
export async function readRegistration(path: string): Promise<BridgeRegistration> {
  let document: unknown;
  try {
    document = yaml.load(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new InvalidConfigError('registration', `cannot read ${path}: ${(cause as Error).message}`);
  }
  const object = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >;
  const text = (field: string): string => {
    const value = object[field];
    if (typeof value !== 'string' || value.length === 0)
      throw new InvalidConfigError(field, 'missing in the registration');
    return value;
  };
  const users = (object.namespaces as { users?: { regex?: unknown }[] } | undefined)?.users ?? [];
  const regex = users.find((u) => typeof u.regex === 'string')?.regex as string | undefined;
  const prefix =
    regex === undefined ? undefined : /^@([a-z0-9._=\\-]+)\.\*/.exec(regex)?.[1]?.replace(/\\/g, '');
  if (prefix === undefined) throw new InvalidConfigError('namespaces.users', 'expected a regex @<prefix>.*');
  return {
    id: text('id'),
    url: text('url'),
    asToken: text('as_token'),
    hsToken: text('hs_token'),
    senderLocalpart: text('sender_localpart'),
    ghostPrefix: prefix,
  };
}
