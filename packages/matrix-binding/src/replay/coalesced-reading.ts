/**
 * @module
 * A reading run one at a time: a trigger while one runs asks for one more after it, so nothing
 * announced during a reading is missed, and a burst of triggers costs one more reading rather than
 * one each. What a follower does when sync says a room has something new. Pure control flow.
 */

/** @internal A reading and its triggers. */
export interface CoalescedReading {
  /** Starts a reading, or asks the one under way for another after it; resolves when they end. */
  trigger(): Promise<void>;
  /** The reading under way, if any. */
  current(): Promise<void> | undefined;
}

/**
 * @internal Runs `read` one at a time, again as long as triggers came during it.
 *
 * @param read - one reading; it should not throw (a rejection ends the run and reaches the callers).
 * @param stopped - when true, triggers start nothing and a run ends after its reading.
 */
export function coalescedReading(
  read: () => Promise<void>,
  stopped: () => boolean = () => false,
): CoalescedReading {
  let reading: Promise<void> | undefined;
  let again = false;
  return {
    trigger: () => {
      if (stopped()) return Promise.resolve();
      if (reading) {
        again = true;
        return reading;
      }
      reading = (async () => {
        do {
          again = false;
          await read();
        } while (again && !stopped());
      })().finally(() => {
        reading = undefined;
      });
      return reading;
    },
    current: () => reading,
  };
}
