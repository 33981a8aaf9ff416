/**
 * The checkpoint duty when the homeserver refuses a post (`M_TOO_LARGE`) or does not answer: the
 * book keeps the last checkpoint actually posted, the failure is a warning naming the room and the
 * homeserver's error code, and the duty tries again after a back-off, not on every event. The
 * client is a small fake of the calls `postCheckpoint` makes; the fold and the post are real.
 */
import { DecisionsFold, type MatrixClient } from '@imago/matrix-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceConfig } from '../service/config';
import { createLog } from '../service/log';
import type { WatchedRoom } from '../service/room-watcher';
import {
  type CheckpointBook,
  checkpointRetryDelay,
  FIRST_RETRY_MS,
  LAST_RETRY_MS,
  runCheckpointDuty,
} from './checkpoints';
import type { DutyContext } from './duty-context';

const ME = '@service:hs';
const ROOM = '!decisions:hs';

/** How the fake homeserver answers uploads: refuses, does not answer, or accepts. */
type Answer = 'too-large' | 'unreachable' | 'ok';

function setting(every: number) {
  const answers: Answer[] = [];
  const uploads: number[] = [];
  const states: unknown[] = [];
  const client = {
    getSafeUserId: () => ME,
    getRoom: () => ({
      hasEncryptionStateEvent: () => false,
      currentState: { getStateEvents: () => null },
    }),
    uploadContent: async (blob: Blob) => {
      uploads.push(blob.size);
      const answer = answers.shift() ?? 'ok';
      if (answer === 'too-large')
        throw Object.assign(new Error('Upload request body is too large'), {
          errcode: 'M_TOO_LARGE',
          httpStatus: 413,
        });
      if (answer === 'unreachable') throw new TypeError('fetch failed');
      return { content_uri: `mxc://hs/checkpoint${uploads.length}` };
    },
    sendStateEvent: async (_room: string, _type: string, content: unknown) => {
      states.push(content);
      return { event_id: `$state${states.length}` };
    },
  };
  const log = createLog({ sink: null });
  const wakes: number[] = [];
  const context = {
    client: client as unknown as MatrixClient,
    config: { checkpointEvery: every } as ServiceConfig,
    log,
    wakeAt: (_room: string, at: number) => wakes.push(at),
  } as unknown as DutyContext;
  const empty = new DecisionsFold().snapshot();
  let entries = 0;
  const room = {
    roomId: ROOM,
    follower: {
      snapshot: () => ({
        eventId: `$event${entries}`,
        fold: { ...empty, entries, state: { ...empty.state, authority: [ME] } },
      }),
    },
  } as unknown as WatchedRoom;
  const book: CheckpointBook = new Map();
  return {
    answers,
    uploads,
    states,
    log,
    wakes,
    book,
    /** The room has folded `count` entries; the duty runs. */
    run: (count: number) => {
      entries = count;
      return runCheckpointDuty(context, room, book);
    },
  };
}

describe('the checkpoint duty', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('posts every checkpointEvery entries, compressed', async () => {
    const duty = setting(5);
    await duty.run(4);
    expect(duty.uploads).toEqual([]);
    await duty.run(5);
    await duty.run(9);
    await duty.run(10);
    expect(duty.states).toEqual([
      expect.objectContaining({ entries: 5, encoding: 'gzip' }),
      expect.objectContaining({ entries: 10, encoding: 'gzip' }),
    ]);
    expect(duty.book.get(ROOM)).toEqual({ entries: 10, failures: 0, retryAt: 0 });
    expect(duty.log.entries.filter((e) => e.level !== 'info')).toEqual([]);
  });

  it('records only a posted checkpoint, warns with the homeserver’s error code, and retries after a back-off', async () => {
    const duty = setting(5);
    duty.answers.push('too-large', 'unreachable');
    await duty.run(5);
    expect(duty.states).toEqual([]);
    expect(duty.book.get(ROOM)).toEqual({ entries: 0, failures: 1, retryAt: 1_000_000 + FIRST_RETRY_MS });
    expect(duty.wakes).toEqual([1_000_000 + FIRST_RETRY_MS]);
    const warnings = duty.log.entries.filter((e) => e.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({
        duty: 'checkpoints',
        roomId: ROOM,
        data: { errcode: 'M_TOO_LARGE', failures: 1 },
      }),
    ]);

    // Further events during the back-off: no new try.
    await duty.run(6);
    await duty.run(7);
    vi.setSystemTime(1_000_000 + FIRST_RETRY_MS - 1);
    await duty.run(8);
    expect(duty.uploads).toHaveLength(1);

    // Once it is over, a try; the homeserver does not answer: a longer back-off.
    vi.setSystemTime(1_000_000 + FIRST_RETRY_MS);
    await duty.run(8);
    expect(duty.uploads).toHaveLength(2);
    expect(duty.book.get(ROOM)).toEqual({
      entries: 0,
      failures: 2,
      retryAt: 1_000_000 + FIRST_RETRY_MS + 2 * FIRST_RETRY_MS,
    });
    expect(duty.log.entries.filter((e) => e.level === 'warn').map((e) => e.data)).toEqual([
      { errcode: 'M_TOO_LARGE', failures: 1 },
      { errcode: 'no answer', failures: 2 },
    ]);

    // Then it goes through: recorded, and the back-off is over.
    vi.setSystemTime(1_000_000 + 3 * FIRST_RETRY_MS);
    await duty.run(9);
    expect(duty.states).toEqual([expect.objectContaining({ entries: 9 })]);
    expect(duty.book.get(ROOM)).toEqual({ entries: 9, failures: 0, retryAt: 0 });
    await duty.run(13);
    expect(duty.uploads).toHaveLength(3);
    await duty.run(14);
    expect(duty.states).toHaveLength(2);
  });

  it('doubles the wait with each failure in a row, up to an hour', () => {
    expect([1, 2, 3, 7, 8, 30].map(checkpointRetryDelay)).toEqual([
      FIRST_RETRY_MS,
      2 * FIRST_RETRY_MS,
      4 * FIRST_RETRY_MS,
      LAST_RETRY_MS,
      LAST_RETRY_MS,
      LAST_RETRY_MS,
    ]);
  });
});
