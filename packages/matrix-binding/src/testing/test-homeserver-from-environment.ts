import { NoTestHomeserverError } from '../errors/no-test-homeserver-error';
import type { TestHomeserver } from './register-user';

/**
 * Reads the test homeserver from `IMAGO_HOMESERVER_URL` and `IMAGO_SYNAPSE_SHARED_SECRET`
 * (as printed by `scripts/synapse.sh env`).
 *
 * @param environment - where to read the variables; default `process.env` where it exists.
 * @returns the homeserver.
 * @throws {@link NoTestHomeserverError} when a variable is missing.
 */
export function testHomeserverFromEnvironment(
  environment: Record<string, string | undefined> = (
    globalThis as { process?: { env: Record<string, string | undefined> } }
  ).process?.env ?? {},
): TestHomeserver {
  const baseUrl = environment.IMAGO_HOMESERVER_URL;
  const sharedSecret = environment.IMAGO_SYNAPSE_SHARED_SECRET;
  if (!baseUrl || !sharedSecret) {
    throw new NoTestHomeserverError(
      'IMAGO_HOMESERVER_URL and IMAGO_SYNAPSE_SHARED_SECRET must be set (scripts/synapse.sh start)',
    );
  }
  return { baseUrl, sharedSecret };
}
