/**
 * @module
 * Waiting on what the service logs, with a deadline: the demo and the tests never sleep.
 */
import type { LogEntry, ServiceLog } from '../service/log';

/**
 * Resolves with the first log entry (past or future) that matches.
 *
 * @param log - the service log.
 * @param matches - the predicate.
 * @param what - what is awaited, for the timeout error.
 * @param timeoutMs - the deadline.
 * @returns the entry.
 */
export function waitForLog(
  log: ServiceLog,
  matches: (entry: LogEntry) => boolean,
  what: string,
  timeoutMs = 90_000,
): Promise<LogEntry> {
  const found = log.entries.find(matches);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for: ${what}`));
    }, timeoutMs);
    const unsubscribe = log.subscribe((entry) => {
      if (!matches(entry)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(entry);
    });
  });
}
