const marker = Symbol.for('@imago/activitypub.error');

/**
 * Base class of every error thrown by `@imago/activitypub`.
 *
 * Each error has a stable {@link ActivitypubError.code}; test and branch on it, never on the
 * message. Use {@link ActivitypubError.isInstance} rather than `instanceof`: it also recognises
 * errors created by another copy of this package.
 */
export class ActivitypubError extends Error {
  readonly [marker] = true;

  /** Stable, machine-readable identifier of the kind of error. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ActivitypubError';
    this.code = code;
  }

  /** Whether `value` is an error of this package, whichever copy of the package created it. */
  static isInstance(value: unknown): value is ActivitypubError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
