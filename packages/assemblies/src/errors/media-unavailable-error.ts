import { AssembliesError } from './assemblies-error';

/**
 * The meeting's media could not be joined: no RTC transport advertised, the authorisation service
 * refused (its Matrix error code is in {@link MediaUnavailableError.reason}), or the SFU could not
 * be reached.
 *
 * Stable code: `media-unavailable`.
 */
export class MediaUnavailableError extends AssembliesError {
  static readonly code = 'media-unavailable';
  /** `no-transport`, `refused:<M_ERRCODE>`, `unreachable`. */
  readonly reason: string;

  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super('media-unavailable', message, options);
    this.name = 'MediaUnavailableError';
    this.reason = reason;
  }
}
