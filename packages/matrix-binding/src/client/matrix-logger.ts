/**
 * @module
 * What matrix-js-sdk says about its work. It logs every request and event it sends at debug level
 * through a global logger that writes to the console: an application that only uses Imago would
 * see that on standard output. Imago's clients are quiet by default (warnings and errors on
 * standard error, nothing else); an application turns the rest on with the `logger` option.
 */
import type { ICreateClientOpts } from 'matrix-js-sdk';
import { logger as globalLogger } from 'matrix-js-sdk/lib/logger.js';

/** A logger of matrix-js-sdk's `Logger` shape (`trace`…`error` and `getChild`). */
export type MatrixLogger = NonNullable<ICreateClientOpts['logger']>;

const ignore = () => undefined;

/**
 * The default logger of Imago's clients: matrix-js-sdk's warnings and errors on standard error
 * (`console.warn`, `console.error`), its trace, debug and info messages dropped.
 */
export const quietMatrixLogger: MatrixLogger = {
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: (...messages: unknown[]) => console.warn(...messages),
  error: (...messages: unknown[]) => console.error(...messages),
  getChild: () => quietMatrixLogger,
};

/**
 * matrix-js-sdk's own global logger (all levels, prefixed, to the console): pass it as `logger` to
 * {@link createImagoClient} or {@link createAppserviceClient} to see every request.
 *
 * @example
 * ```ts
 * const client = await createImagoClient({ ...session, logger: matrixSdkLogger });
 * ```
 */
export const matrixSdkLogger: MatrixLogger = globalLogger;
