/**
 * Helpers for tests and demos against a throw-away homeserver (`scripts/synapse.sh`).
 * Not for production: shared-secret registration is an administrator's power.
 *
 * @module @imago/matrix-binding/testing
 */

export { NoTestHomeserverError } from '../errors/no-test-homeserver-error';
export { RegistrationFailedError } from '../errors/registration-failed-error';
export { type RegisterUserOptions, registerUser, type TestHomeserver } from './register-user';
export { testHomeserverFromEnvironment } from './test-homeserver-from-environment';
export { startSynced, waitUntil } from './wait-until';
