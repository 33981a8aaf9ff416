import { ActivitypubError } from './activitypub-error';

/**
 * An incoming ActivityPub document does not have the shape the bridge needs; `path` names the
 * offending field (`object.stipulates.satisfies`). Code `AP_INVALID_ACTIVITY`.
 */
export class InvalidActivityError extends ActivitypubError {
  /** Where in the document the problem is. */
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('AP_INVALID_ACTIVITY', `${path || 'activity'}: ${message}`, options);
    this.name = 'InvalidActivityError';
    this.path = path;
  }
}
