import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { MembershipRoll, memberActionUser } from './membership-roll';
import { replayDecisions } from './replay-decisions';

// Who counts in a group's decisions, from the decisions room's log alone.
const room = '!decisions:hs';
const HOUR = 3_600_000;
const ana = '@ana:hs'; // founder, creator of the room
const bot = '@bot:hs'; // the group's authority
let n = 0;
let clock = 0;
const ev = (sender: string, type: string, content: unknown, extra: object = {}): RawMatrixEvent => ({
  event_id: `$${++n}`,
  room_id: room,
  sender,
  origin_server_ts: (clock += 10),
  type,
  content,
  ...extra,
});
const membership = (user: string, value: string, sender = user) =>
  ev(sender, 'm.room.member', { membership: value }, { state_key: user });
const joinRule = (rule: string) => ev(ana, 'm.room.join_rules', { join_rule: rule }, { state_key: '' });
const oligarchy = { protocol: 'oligarchy', deciders: { members: [ana] }, required: 1, duration: HOUR };
const init = (rules: object = {}) =>
  ev(ana, 'org.imago.governance.init', {
    table: {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: HOUR },
        'admit-member': oligarchy,
        'exclude-member': oligarchy,
        'publish-text': { protocol: 'consensus', duration: HOUR },
        ...rules,
      },
    },
    authority: [bot],
  });
const propose = (sender: string, kind: string, action: unknown) =>
  ev(sender, 'org.imago.governance.propose', { kind, action });
const approve = (decision: string) => ev(ana, 'org.imago.governance.approve', { decision });

function founded(rule = 'restricted', founders: readonly string[] = ['@bo:hs']) {
  n = 0;
  clock = 0;
  return [
    ev(ana, 'm.room.create', { room_version: '12' }, { state_key: '' }),
    membership(ana, 'join'),
    joinRule(rule),
    membership(bot, 'invite', ana),
    ...founders.map((user) => membership(user, 'invite', ana)),
    init(),
    membership(bot, 'join'),
    ...founders.map((user) => membership(user, 'join')),
  ];
}

const replayOf = (events: RawMatrixEvent[]) => replayDecisions(appendToRoomLog(emptyRoomLog(room), events));

describe('the governance roll: who counts in a group’s decisions', () => {
  it('counts the founders — the creator, the authority, and whoever was invited before the table was set', () => {
    const { warnings } = replayOf(founded());
    const events = founded();
    const probe = propose('@bo:hs', 'publish-text', { text: 'hello' });
    const replay = replayOf([...events, probe]);
    expect(replay.state.decisions.get(probe.event_id as string)?.eligible).toEqual([ana, '@bo:hs', bot]);
    expect(warnings.filter((w) => w.code === 'unadmitted-member')).toEqual([]);
  });

  it('does not count a user let in after the table was set without an admission', () => {
    const events = founded();
    // Ana (a room version 12 creator, or any power 100) invites Mallory without a decision.
    const invite = membership('@mallory:hs', 'invite', ana);
    const join = membership('@mallory:hs', 'join');
    const proposal = propose('@mallory:hs', 'publish-text', { text: 'mine' });
    const replay = replayOf([...events, invite, join, proposal]);
    expect(replay.warnings.find((w) => w.eventId === join.event_id)).toMatchObject({
      code: 'unadmitted-member',
      sender: '@mallory:hs',
    });
    expect(replay.warnings.find((w) => w.eventId === proposal.event_id)).toMatchObject({
      code: 'rejected',
      reason: 'not-a-member',
    });
    expect(replay.state.decisions.has(proposal.event_id as string)).toBe(false);
  });

  it('counts a user once an admit-member decision is adopted, and no longer once excluded', () => {
    const events = founded();
    const admission = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const admitted = approve(admission.event_id as string);
    const join = [membership('@cy:hs', 'invite', bot), membership('@cy:hs', 'join')];
    const first = propose('@cy:hs', 'publish-text', { text: 'first' });
    const exclusion = propose(ana, 'exclude-member', { user: '@cy:hs' });
    const excluded = approve(exclusion.event_id as string);
    const second = propose('@cy:hs', 'publish-text', { text: 'second' });
    const replay = replayOf([...events, admission, admitted, ...join, first, exclusion, excluded, second]);
    expect(replay.state.decisions.get(admission.event_id as string)?.status).toBe('adopted');
    expect(replay.warnings.filter((w) => w.code === 'unadmitted-member')).toEqual([]);
    expect(replay.state.decisions.has(first.event_id as string)).toBe(true);
    // Excluded while still joined (the authority has not kicked yet): no longer counted.
    expect(replay.state.decisions.has(second.event_id as string)).toBe(false);
    expect(replay.warnings.find((w) => w.eventId === second.event_id)).toMatchObject({
      reason: 'not-a-member',
    });
  });

  it('counts a rejected admission as no admission', () => {
    const events = founded();
    const admission = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const refused = ev(ana, 'org.imago.governance.refuse', { decision: admission.event_id });
    const join = [membership('@cy:hs', 'invite', ana), membership('@cy:hs', 'join')];
    const replay = replayOf([...events, admission, refused, ...join]);
    expect(replay.state.decisions.get(admission.event_id as string)?.status).toBe('rejected');
    expect(replay.warnings.find((w) => w.eventId === join[1]?.event_id)?.code).toBe('unadmitted-member');
  });

  it('counts every joiner of an open group, but opening the room after the table was set opens nothing', () => {
    const open = founded('public', []);
    const walkIn = membership('@walk:hs', 'join');
    expect(replayOf([...open, walkIn]).warnings.some((w) => w.code === 'unadmitted-member')).toBe(false);

    const closed = founded('restricted', []);
    const reopened = [joinRule('public'), membership('@walk:hs', 'join')];
    const replay = replayOf([...closed, ...reopened]);
    expect(replay.warnings.find((w) => w.eventId === reopened[1]?.event_id)?.code).toBe('unadmitted-member');

    // An open group that closes stays closed, even if reopened.
    const flip = [joinRule('invite'), joinRule('public'), membership('@late:hs', 'join')];
    expect(replayOf([...founded('public', []), ...flip]).warnings.at(-1)?.code).toBe('unadmitted-member');
  });

  it('always counts the authority, including one a change-authority decision names later', () => {
    const roll = new MembershipRoll();
    roll.observeCreate([ana]);
    roll.observeMembership(ana, 'join', []);
    roll.observeInit();
    expect(roll.observeMembership('@newbot:hs', 'join', [bot])).toBe(false);
    expect(roll.counts('@newbot:hs', ['@newbot:hs'])).toBe(true);
    expect([...roll.members(['@newbot:hs'])].sort()).toEqual([ana, '@newbot:hs']);
  });

  it('round-trips through a plain copy', () => {
    const roll = new MembershipRoll();
    roll.observeCreate([ana]);
    roll.observeJoinRule('public');
    roll.observeMembership('@bo:hs', 'invite', []);
    roll.observeInit();
    roll.observeMembership('@bo:hs', 'join', []);
    const copy = MembershipRoll.from(roll.toData());
    expect(copy.toData()).toEqual(roll.toData());
    expect(JSON.parse(JSON.stringify(roll.toData()))).toEqual(roll.toData());
  });

  it('reads the user of a membership action, and nothing else', () => {
    expect(memberActionUser({ user: '@cy:hs' })).toBe('@cy:hs');
    for (const bad of [undefined, null, 'x', { user: 'cy' }, { user: 3 }, { user: `@${'a'.repeat(300)}:hs` }])
      expect(memberActionUser(bad)).toBeUndefined();
  });
});
