const marker = Symbol.for('@imago/helios-c.error');

/**
 * Base class of every error thrown by `@imago/helios-c`.
 *
 * Each error has a stable {@link HeliosCError.code}; test and branch on it, never on the message.
 * Use {@link HeliosCError.isInstance} rather than `instanceof`: it also recognises errors created
 * by another copy of this package.
 */
export class HeliosCError extends Error {
  readonly [marker] = true;

  /** Stable, machine-readable identifier of the kind of error. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HeliosCError';
    this.code = code;
  }

  /** Whether `value` is an error of this package, whichever copy of the package created it. */
  static isInstance(value: unknown): value is HeliosCError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
