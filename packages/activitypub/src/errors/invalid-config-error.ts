import { ActivitypubError } from './activitypub-error';

/**
 * The bridge's configuration (command line, environment, registration file) is missing a value
 * or has a bad one; `field` names it. Code `AP_INVALID_CONFIG`.
 */
export class InvalidConfigError extends ActivitypubError {
  /** The configuration field at fault. */
  readonly field: string;

  constructor(field: string, message: string) {
    super('AP_INVALID_CONFIG', `${field}: ${message}`);
    this.name = 'InvalidConfigError';
    this.field = field;
  }
}
