/**
 * A group's decisions room as a synthetic log, for the pure tests of admission and of the state
 * audit: Ana founds it (room version 12 creator), the service is its authority, admissions and
 * exclusions are decided by Ana alone (oligarchy, one approval).
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { replayDecisions } from '../governance/replay-decisions';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';

export const HOUR = 3_600_000;
export const ana = '@ana:hs';
export const bot = '@bot:hs';
export const decisionsRoom = '!decisions:hs';

let n = 0;
let clock = 0;

/** A raw event of the decisions room (ids and times increase). */
export function ev(sender: string, type: string, content: unknown, extra: object = {}): RawMatrixEvent {
  clock += 10;
  return {
    event_id: `$${++n}`,
    room_id: decisionsRoom,
    sender,
    origin_server_ts: clock,
    type,
    content,
    ...extra,
  };
}

export const membership = (user: string, value: string, sender = user, extra: object = {}) =>
  ev(sender, 'm.room.member', { membership: value, ...extra }, { state_key: user });
export const joinRule = (rule: string) =>
  ev(ana, 'm.room.join_rules', { join_rule: rule }, { state_key: '' });
export const propose = (sender: string, kind: string, action: unknown) =>
  ev(sender, 'org.imago.governance.propose', { kind, action });
/**
 * Ana's approval, which adopts the decision (provisionally: an early settlement), and the
 * authority's close that names it at once and so confirms it, as the example service sends it.
 */
export function approve(decision: string): RawMatrixEvent[] {
  const approval = ev(ana, 'org.imago.governance.approve', { decision });
  const counted = { [decision]: [approval.event_id] };
  return [approval, ev(bot, 'org.imago.governance.close', { decision, counted })];
}

const anaDecides = { protocol: 'oligarchy', deciders: { members: [ana] }, required: 1, duration: HOUR };

/** The founding of the room: Ana, the authority and the founders invited before `init`. */
export function founded(rule = 'restricted', founders: readonly string[] = ['@bo:hs'], rules: object = {}) {
  n = 0;
  clock = 0;
  return [
    ev(ana, 'm.room.create', { room_version: '12' }, { state_key: '' }),
    membership(ana, 'join'),
    joinRule(rule),
    membership(bot, 'invite', ana),
    ...founders.map((user) => membership(user, 'invite', ana)),
    ev(ana, 'org.imago.governance.init', {
      table: {
        rules: {
          'change-control-table': { protocol: 'consensus', duration: HOUR },
          'admit-member': anaDecides,
          'exclude-member': anaDecides,
          'publish-text': { protocol: 'consensus', duration: HOUR },
          ...rules,
        },
      },
      authority: [bot],
    }),
    membership(bot, 'join'),
    ...founders.map((user) => membership(user, 'join')),
  ];
}

/** The replay of a synthetic decisions room. */
export const replayOf = (events: RawMatrixEvent[]) =>
  replayDecisions(appendToRoomLog(emptyRoomLog(decisionsRoom), events));
