/**
 * `followRoom`'s I/O shell against a small homeserver model that orders a room as Synapse does
 * (by depth, then by arrival) and pages it with tokens as Synapse does: reading forward from a
 * token skips an event that arrives late from another server with a lower depth, which sync still
 * announces. The follower folds what sync delivers at once, provisionally; it must place such an
 * event where a fresh history puts it, and take the homeserver's copy of an event redacted after it
 * was read. The live suites cover the rest on a
 * real Synapse.
 */
import { EventEmitter } from 'node:events';
import type { MatrixClient } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { followRoom } from './follow-room';

const room = '!room:a';

interface Stored {
  readonly raw: RawMatrixEvent & { event_id: string };
  readonly depth: number;
  readonly stream: number;
}

class ModelHomeserver extends EventEmitter {
  readonly events: Stored[] = [];
  #stream = 0;
  readonly requests: string[] = [];

  add(raw: Omit<RawMatrixEvent, 'event_id'> & { event_id: string }, depth?: number): Stored {
    const stored = {
      raw: { room_id: room, ...raw },
      depth: depth ?? this.events.length + 1,
      stream: ++this.#stream,
    };
    this.events.push(stored);
    return stored;
  }

  /** Delivers an event as sync would (`RoomEvent.Timeline`), as the homeserver serves it now. */
  announce(stored: Stored): void {
    const delivered = { getId: () => stored.raw.event_id, status: null, event: this.served(stored) };
    this.emit('Room.timeline', delivered, { roomId: room }, false);
  }

  /** A limited sync: the next events delivered do not follow the previous ones. */
  gap(): void {
    this.emit('Room.timelineReset', { roomId: room });
  }

  #ordered(): Stored[] {
    return [...this.events].sort((a, b) => a.depth - b.depth || a.stream - b.stream);
  }

  served(stored: Stored): RawMatrixEvent {
    const redaction = this.events.find(
      (e) => e.raw.type === 'm.room.redaction' && e.raw.redacts === stored.raw.event_id,
    );
    return redaction
      ? { ...stored.raw, content: {}, unsigned: { redacted_because: redaction.raw } }
      : stored.raw;
  }

  fresh(): RawMatrixEvent[] {
    return this.#ordered().map((e) => this.served(e));
  }

  get client(): MatrixClient {
    const token = (e: Stored) => `t${e.depth}-${e.stream}`;
    const after = (from: string, e: Stored) => {
      const stream = /^s(\d+)$/.exec(from);
      if (stream) return e.stream > Number(stream[1]);
      const [, d, s] = /^t(\d+)-(\d+)$/.exec(from) as RegExpExecArray;
      return e.depth > Number(d) || (e.depth === Number(d) && e.stream > Number(s));
    };
    return {
      getCrypto: () => undefined,
      getEventMapper: () => () => undefined,
      on: (name: string, listener: (...args: unknown[]) => void) => this.on(name, listener),
      off: (name: string, listener: (...args: unknown[]) => void) => this.off(name, listener),
      createMessagesRequest: async (_roomId: string, from: string | null, limit: number, dir: string) => {
        this.requests.push(`messages ${dir}`);
        const ordered = this.#ordered();
        if (dir === 'b') {
          const chunk = from === null ? ordered.reverse().slice(0, limit) : [];
          return {
            chunk: chunk.map((e) => this.served(e)),
            start: `s${this.#stream}`,
            ...(chunk.length ? { end: 'the-start' } : {}),
          };
        }
        const chunk = ordered.filter((e) => after(from as string, e)).slice(0, limit);
        return {
          chunk: chunk.map((e) => this.served(e)),
          start: from,
          ...(chunk.length ? { end: token(chunk.at(-1) as Stored) } : {}),
        };
      },
      fetchRoomEvent: async (_roomId: string, eventId: string) => {
        this.requests.push('event');
        return this.served(this.events.find((e) => e.raw.event_id === eventId) as Stored);
      },
      http: {
        authedRequest: async (_method: string, path: string, query: Record<string, string>) => {
          this.requests.push('context');
          const id = decodeURIComponent(path.split('/').at(-1) as string);
          const ordered = this.#ordered();
          const at = ordered.findIndex((e) => e.raw.event_id === id);
          const half = Math.floor(Number(query.limit) / 2);
          return {
            event: this.served(ordered[at] as Stored),
            end: token(ordered[at] as Stored),
            events_before: ordered
              .slice(Math.max(0, at - half), at)
              .reverse()
              .map((e) => this.served(e)),
          };
        },
      },
    } as unknown as MatrixClient;
  }
}

let n = 0;
const event = (sender: string, type: string, content: object, extra: object = {}) => ({
  event_id: `$e${++n}`,
  sender,
  origin_server_ts: 1_000 + n,
  type,
  content,
  ...extra,
});
const hand = (sender: string) => event(sender, 'org.imago.debate.hand', { raised: true });
const ids = (events: readonly RawMatrixEvent[]) => events.map((e) => e.event_id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followRoom against a homeserver that orders the room by depth', () => {
  it('places an event another server sent late, before events already read, where a fresh history has it', async () => {
    const server = new ModelHomeserver();
    for (let i = 0; i < 5; i++) server.add(hand(`@u${i}:a`));
    const follower = await followRoom(server.client, room);
    const read = server.requests.length;

    // A local event (depth 6), then one from server b whose branch was at depth 4.
    const local = server.add(hand('@ana:a'), 6);
    const late = server.add(hand('@bo:b'), 4);
    server.announce(local);
    server.announce(late);
    await follower.settled();
    await settle();
    await follower.settled();

    expect(ids(follower.events())).toEqual(ids(server.fresh()));
    expect(follower.unconfirmed()).toBe(0);
    expect(follower.stats().rebuilds).toBe(1); // the late event was folded last at first
    expect(server.requests.slice(read)).toContain('context');
    expect(server.requests.slice(read).filter((r) => r === 'messages b')).toEqual([]); // no history again
    expect(follower.stats().contextEvents).toBeGreaterThanOrEqual(1);
    follower.stop();
  });

  it('takes the homeserver’s copy of an event redacted after it was read', async () => {
    const server = new ModelHomeserver();
    const vote = server.add(hand('@u1:a'));
    server.add(hand('@u2:a'));
    const follower = await followRoom(server.client, room);
    const redaction = server.add(
      event('@u1:a', 'm.room.redaction', { redacts: vote.raw.event_id }, { redacts: vote.raw.event_id }),
    );
    server.announce(redaction);
    await follower.settled();
    await settle();
    await follower.settled();
    expect(follower.events()).toEqual(server.fresh());
    expect(
      follower.log().entries.map((e) => (e.status === 'warning' ? e.warning.code : e.event.kind)),
    ).toEqual(['redacted', 'hand', 'redaction']);
    expect(follower.stats().refreshes).toBe(1);
    follower.stop();
  });

  it('folds what sync delivers at once, and changes nothing when the reading places it there', async () => {
    const server = new ModelHomeserver();
    for (let i = 0; i < 3; i++) server.add(hand(`@u${i}:a`));
    const changes: number[] = [];
    const follower = await followRoom(server.client, room, {
      decisions: true,
      onChange: (_log, change) => changes.push(change.events.length),
    });
    changes.length = 0; // the history
    const first = server.add(hand('@ana:a'));
    const second = server.add(hand('@bo:a'));
    server.announce(first);
    server.announce(second);
    // Before any reading: in the log, folded, not confirmed, no checkpoint of it.
    expect(ids(follower.events())).toEqual(ids(server.fresh()));
    expect(follower.unconfirmed()).toBe(2);
    expect(follower.snapshot()).toBeUndefined();
    expect(changes).toEqual([1, 1]);
    await follower.settled();
    expect(follower.unconfirmed()).toBe(0);
    expect(follower.snapshot()?.eventId).toBe(second.raw.event_id);
    expect(follower.stats()).toMatchObject({ rebuilds: 0, forwardEvents: 2 });
    expect(changes).toEqual([1, 1]); // the reading agreed: nothing reported again
    follower.stop();
  });

  it('moves events sync delivered in another order than the room’s, and rebuilds', async () => {
    const server = new ModelHomeserver();
    for (let i = 0; i < 3; i++) server.add(hand(`@u${i}:a`));
    const follower = await followRoom(server.client, room, { decisions: true });
    const a = server.add(hand('@ana:a'), 5);
    const b = server.add(hand('@bo:b'), 4); // same depth range, the room puts it first
    server.announce(a);
    server.announce(b);
    expect(ids(follower.events()).slice(-2)).toEqual([a.raw.event_id, b.raw.event_id]);
    await follower.settled();
    await settle();
    await follower.settled();
    expect(ids(follower.events())).toEqual(ids(server.fresh()));
    expect(ids(follower.events()).slice(-2)).toEqual([b.raw.event_id, a.raw.event_id]);
    expect(follower.unconfirmed()).toBe(0);
    expect(follower.stats().rebuilds).toBe(1);
    follower.stop();
  });

  it('proposes nothing after a gap in sync until a reading has read past it', async () => {
    const server = new ModelHomeserver();
    server.add(hand('@u0:a'));
    const follower = await followRoom(server.client, room);
    const missed = server.add(hand('@ana:a'));
    const next = server.add(hand('@bo:a'));
    server.gap();
    server.announce(next);
    expect(follower.unconfirmed()).toBe(0);
    expect(ids(follower.events())).not.toContain(next.raw.event_id);
    await follower.settled();
    expect(ids(follower.events())).toEqual([
      ...ids(server.fresh()).slice(0, 1),
      missed.raw.event_id,
      next.raw.event_id,
    ]);
    const after = server.add(hand('@cy:a'));
    server.announce(after);
    expect(follower.unconfirmed()).toBe(1);
    await follower.settled();
    expect(follower.stats().rebuilds).toBe(0);
    follower.stop();
  });

  it('keeps a change callback that throws out of sync’s way', async () => {
    const server = new ModelHomeserver();
    server.add(hand('@u0:a'));
    let live = false;
    const follower = await followRoom(server.client, room, {
      onChange: () => {
        if (live) throw new Error('the application failed');
      },
    });
    live = true;
    const next = server.add(hand('@ana:a'));
    expect(() => server.announce(next)).not.toThrow();
    await follower.settled();
    expect(ids(follower.events())).toEqual(ids(server.fresh()));
    follower.stop();
  });
});
