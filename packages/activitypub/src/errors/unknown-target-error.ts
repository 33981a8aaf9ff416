import { ActivitypubError } from './activitypub-error';

/**
 * An activity names something the bridge does not publish: a group that is not on the fediverse,
 * a proposal it never published, an intent the proposal does not have. Code `AP_UNKNOWN_TARGET`.
 */
export class UnknownTargetError extends ActivitypubError {
  /** The identifier that was not found. */
  readonly target: string;

  constructor(target: string, message: string) {
    super('AP_UNKNOWN_TARGET', message);
    this.name = 'UnknownTargetError';
    this.target = target;
  }
}
