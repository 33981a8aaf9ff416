/**
 * @module
 * matrix-js-sdk logs through `console` at info and debug level from places that ignore the
 * client's logger; a process that speaks for itself (the service, the demo) mutes those.
 * Errors still go through.
 */

/** Mutes `console.log`, `info`, `debug` and `warn` for this process. */
export function quietConsole(): void {
  const none = () => undefined;
  console.log = none;
  console.info = none;
  console.debug = none;
  console.warn = none;
  console.trace = none;
}
