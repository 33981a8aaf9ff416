/**
 * The base of every error `@imago/assemblies` throws, with a stable `code`.
 *
 * @module
 */

/** An error of `@imago/assemblies`; switch on {@link AssembliesError.code}, never on the message. */
export class AssembliesError extends Error {
  /** Stable code, e.g. `media-unavailable`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AssembliesError';
    this.code = code;
  }

  /**
   * Whether a value is an error of this package, also across copies of it (no `instanceof`).
   *
   * @param value - anything.
   * @returns `true` for an {@link AssembliesError}.
   */
  static isInstance(value: unknown): value is AssembliesError {
    return (
      value instanceof Error &&
      typeof (value as { code?: unknown }).code === 'string' &&
      ['AssembliesError', 'MediaUnavailableError'].includes(value.name)
    );
  }
}
