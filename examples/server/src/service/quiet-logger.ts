/**
 * @module
 * A matrix-js-sdk logger that keeps only errors (the SDK is chatty at info level), so the
 * service's own log says what it did.
 */

/** The logger interface of matrix-js-sdk (`Logger`). */
export interface SdkLogger {
  trace(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  getChild(namespace: string): SdkLogger;
}

/**
 * Makes a logger that drops everything but errors.
 *
 * @param onError - where errors go (default: nowhere).
 * @returns the logger.
 */
export function quietLogger(onError: (message: string) => void = () => undefined): SdkLogger {
  const none = () => undefined;
  const logger: SdkLogger = {
    trace: none,
    debug: none,
    info: none,
    warn: none,
    error: (...args) => onError(args.map(String).join(' ')),
    getChild: () => logger,
  };
  return logger;
}
