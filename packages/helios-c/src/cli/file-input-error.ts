/**
 * An input file of the command line that holds what it must not: the error of its parser, with
 * the file named first, so that the one line on standard error says which file and where in it.
 *
 * @module
 */
import { HeliosCError } from '../errors/helios-c-error';

/** The parser's error (same `code`), its message prefixed with the file. */
export class FileInputError extends HeliosCError {
  /** The file. */
  readonly file: string;

  /**
   * @param file - the file as named on the command line
   * @param cause - the parser's error
   */
  constructor(file: string, cause: HeliosCError) {
    super(cause.code, `${file}: ${cause.message}`, { cause });
    this.name = 'FileInputError';
    this.file = file;
  }
}
