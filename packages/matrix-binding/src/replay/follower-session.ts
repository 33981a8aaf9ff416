/**
 * @module
 * What the stages of a room follower share (see {@link followRoom}): the client and room, the
 * {@link FollowedLog} they feed, where forward reading resumes, the events sync announced that
 * reading has not returned yet, and what was read so far; with the two requests every stage makes,
 * a page of `GET /messages` and the token right after an event (`GET /context`).
 */
import { type Direction, type MatrixClient, Method } from 'matrix-js-sdk';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { FollowedLog, LogChange } from './followed-log';

/** @internal What a follower counts (see `FollowerStats`). */
export type FollowerCounts = Record<
  | 'historyEvents'
  | 'historyRequests'
  | 'forwardEvents'
  | 'forwardRequests'
  | 'contextEvents'
  | 'refreshes'
  | 'rebuilds',
  number
>;

/** @internal The state of one room follower, shared by its stages. */
export interface FollowerSession {
  readonly client: MatrixClient;
  readonly roomId: string;
  /** Events per `GET /messages` request. */
  readonly pageSize: number;
  readonly followed: FollowedLog;
  readonly stats: FollowerCounts;
  stopped: boolean;
  /** Where forward reading resumes. */
  token: string | undefined;
  /** The last event forward reading returned (what the next page follows). */
  last: string | null;
  /** Events sync announced that no reading has returned yet. */
  readonly announced: Set<string>;
  /** Whether the first reading after the history (or the checkpoint) ended: sync's events can be proposed. */
  live: boolean;
  /** Whether the history must be read again (an event placed far back in the room's order). */
  resync: boolean;
  /** Reports a change of the log to the application (not after the follower stopped). */
  changed(change: LogChange | undefined): void;
  /** Proposes events sync just delivered at the end of the log, until a reading places them. */
  propose(events: RawMatrixEvent[]): void;
  /** Places a run of events after `after`, encrypted ones held until decrypted; resolves once decrypted. */
  receive(after: string | null, events: RawMatrixEvent[]): Promise<void>;
}

/** @internal A page of `GET /messages`. */
export interface MessagesPage {
  readonly events: RawMatrixEvent[];
  readonly start: string;
  readonly end?: string;
}

/** @internal Reads a page of the room's events from `from`, in a direction. */
export async function messagesPage(
  session: FollowerSession,
  from: string | null,
  dir: Direction,
): Promise<MessagesPage> {
  const page = await session.client.createMessagesRequest(session.roomId, from, session.pageSize, dir);
  return {
    events: page.chunk as RawMatrixEvent[],
    start: page.start ?? '',
    ...(page.end ? { end: page.end } : {}),
  };
}

/** @internal `GET /rooms/{room}/context/{event}` with the given query. */
export function eventContext<T>(session: FollowerSession, eventId: string, query: Record<string, string>) {
  const path = `/rooms/${encodeURIComponent(session.roomId)}/context/${encodeURIComponent(eventId)}`;
  return session.client.http.authedRequest<T>(Method.Get, path, query);
}

/** @internal The token right after an event in the room's order (`GET /context` with no context). */
export async function tokenAfter(session: FollowerSession, eventId: string): Promise<string | undefined> {
  return (await eventContext<{ end?: string }>(session, eventId, { limit: '0' })).end;
}
