/**
 * @module
 * Waiting on what the service logs, or on a condition checked at each change a follower or the
 * election duties announce, with a deadline: the demo and the tests never sleep or poll.
 */
import { followRoom, type MatrixClient, type RoomFollower } from '@imago/matrix-binding';
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

/**
 * Resolves with the first truthy value of `check`, tried now and after each change that
 * `subscribe` announces (never on a timer; one try at a time, changes during a try give one more).
 *
 * @param what - what is awaited, for the timeout error.
 * @param subscribe - registers a listener of changes; returns its removal.
 * @param check - the condition (may be asynchronous; a rejection rejects the wait).
 * @param timeoutMs - the deadline.
 * @returns the value.
 */
export function untilChange<T>(
  what: string,
  subscribe: (onChange: () => void) => () => void,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      unsubscribe();
    };
    const attempt = async (): Promise<void> => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const value = await check();
          if (value && !done) {
            finish();
            resolve(value);
          }
        } while (again && !done);
      } catch (error) {
        if (!done) {
          finish();
          reject(error);
        }
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = subscribe(() => void attempt());
    void attempt();
  });
}

/**
 * Follows a room until `check` holds of what the follower has read, tried at each change it reads.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the room.
 * @param what - what is awaited, for the timeout error.
 * @param check - the condition on the follower.
 * @param timeoutMs - the deadline.
 * @returns the value; the follower is stopped.
 */
export async function followUntil<T>(
  client: MatrixClient,
  roomId: string,
  what: string,
  check: (follower: RoomFollower) => T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const listeners = new Set<() => void>();
  const follower = await followRoom(client, roomId, {
    onChange: () => {
      for (const listener of listeners) listener();
    },
  });
  return untilChange(
    what,
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => check(follower),
    timeoutMs,
  ).finally(() => follower.stop());
}
