import { HeliosCError } from './helios-c-error';

/** A `.bel` archive is not a readable tar of Belenios entries (truncated, bad header, bad name). */
export class InvalidArchiveError extends HeliosCError {
  /** Byte offset of the defect in the archive. */
  readonly offset: number;
  /** What is wrong, without the offset. */
  readonly reason: string;

  /**
   * @param offset - byte offset of the defect
   * @param reason - what is wrong
   */
  constructor(offset: number, reason: string) {
    super('INVALID_ARCHIVE', `archive at byte ${offset}: ${reason}`);
    this.name = 'InvalidArchiveError';
    this.offset = offset;
    this.reason = reason;
  }
}
