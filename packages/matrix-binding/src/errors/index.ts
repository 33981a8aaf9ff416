/**
 * The binding's typed errors.
 *
 * @module
 */
export { CryptoUnavailableError } from './crypto-unavailable-error';
export {
  ElectionUnavailableError,
  type ElectionUnavailableReason,
} from './election-unavailable-error';
export { HomeserverError } from './homeserver-error';
export { InvalidArgumentError } from './invalid-argument-error';
export { LoginFailedError } from './login-failed-error';
export { MatrixBindingError } from './matrix-binding-error';
export { NoTestHomeserverError } from './no-test-homeserver-error';
export { RegistrationFailedError } from './registration-failed-error';
export { UncorroboratedCardError } from './uncorroborated-card-error';
