import { HeliosCError } from './helios-c-error';

/** An API function was called with arguments that make no sense (a programming error). */
export class UsageError extends HeliosCError {
  /** @param message - what is wrong */
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}
