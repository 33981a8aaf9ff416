/**
 * @module
 * The bridge's log: one entry per thing that happened, named by a stable word, so an operator can
 * follow what the bridge did and why it refused something.
 */

/** One line of the bridge's log. */
export interface BridgeLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  /** What happened, as a stable word (`follow-accepted`, `inbox-refused`, …). */
  readonly what: string;
  readonly detail?: Record<string, unknown>;
}

/** Writes one line of the bridge's log. */
export type BridgeLog = (
  level: BridgeLogEntry['level'],
  what: string,
  detail?: Record<string, unknown>,
) => void;

/**
 * An error that must not stop the bridge, as log detail.
 *
 * @param error - what was thrown.
 * @returns its name, message and code (or its text).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { error: error.name, message: error.message, code: (error as { code?: unknown }).code };
  return { error: String(error) };
}
