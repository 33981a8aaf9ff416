import { describe, expect, it } from 'vitest';
import {
  ana,
  approve,
  bot,
  decisionsRoom,
  ev,
  founded,
  joinRule,
  membership,
  propose,
  replayOf,
} from '../group/group-log.fixture';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { DecisionsFold } from './decisions-fold';
import { decodeFoldSnapshot, encodeFoldSnapshot, foldDifferences } from './fold-snapshot-codec';
import { MembershipRoll, memberActionUser } from './membership-roll';

// Who counts in a group's decisions, from the decisions room's log alone.

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
    const replay = replayOf([
      ...events,
      admission,
      ...admitted,
      ...join,
      first,
      exclusion,
      ...excluded,
      second,
    ]);
    expect(replay.state.decisions.get(admission.event_id as string)?.status).toBe('adopted');
    expect(replay.warnings.filter((w) => w.code === 'unadmitted-member')).toEqual([]);
    expect(replay.state.decisions.has(first.event_id as string)).toBe(true);
    // Excluded while still joined (the authority has not kicked yet): no longer counted.
    expect(replay.state.decisions.has(second.event_id as string)).toBe(false);
    expect(replay.warnings.find((w) => w.eventId === second.event_id)).toMatchObject({
      reason: 'not-a-member',
    });
  });

  it('counts an admission adopted early only once the authority’s close confirms it', () => {
    const events = founded();
    const admission = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const [approval, close] = approve(admission.event_id as string);
    const join = [membership('@cy:hs', 'invite', bot), membership('@cy:hs', 'join')];
    const before = propose('@cy:hs', 'publish-text', { text: 'before the close' });
    const after = propose('@cy:hs', 'publish-text', { text: 'after the close' });
    const replay = replayOf([...events, admission, approval!, ...join, before, close!, after]);
    // Adopted at Ana's approval, but provisionally: a close not naming it would undo it.
    expect(replay.warnings.find((w) => w.eventId === before.event_id)).toMatchObject({
      reason: 'not-a-member',
    });
    expect(replay.state.decisions.has(after.event_id as string)).toBe(true);
    expect(replay.state.provisional.size).toBe(0);
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

  it('is carried by the fold’s snapshot: a fold resumed anywhere counts whom a whole replay counts', () => {
    const start = founded('public');
    const walkIn = membership('@walk:hs', 'join'); // an open group: counted
    const admission = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const exclusion = propose(ana, 'exclude-member', { user: '@cy:hs' });
    const events = [
      ...start,
      walkIn,
      propose('@walk:hs', 'publish-text', { text: 'walked in' }),
      joinRule('invite'), // closed from here on
      membership('@late:hs', 'join'), // not admitted
      admission,
      ...approve(admission.event_id as string),
      membership('@cy:hs', 'invite', bot),
      membership('@cy:hs', 'join'),
      propose('@cy:hs', 'publish-text', { text: 'admitted' }),
      propose('@late:hs', 'publish-text', { text: 'refused' }),
      exclusion,
      ...approve(exclusion.event_id as string),
      propose('@cy:hs', 'publish-text', { text: 'excluded' }),
    ];
    const log = appendToRoomLog(emptyRoomLog(decisionsRoom), events);
    const whole = new DecisionsFold().add(log.entries);
    const proposals = (fold: DecisionsFold) => [...fold.state.decisions.keys()].sort();
    // The roll decided something in this log: a walk-in counted, two members refused.
    expect(proposals(whole)).toHaveLength(4);
    expect(whole.current().warnings.filter((w) => w.reason === 'not-a-member')).toHaveLength(2);
    for (let cut = 0; cut <= log.entries.length; cut++) {
      const bytes = encodeFoldSnapshot(new DecisionsFold().add(log.entries.slice(0, cut)).snapshot());
      const decoded = decodeFoldSnapshot(bytes);
      if (!decoded.ok) throw new Error(decoded.path);
      const resumed = DecisionsFold.resume(decoded.value).add(log.entries.slice(cut));
      expect(foldDifferences(resumed.snapshot(), whole.snapshot())).toEqual([]);
      expect(proposals(resumed)).toEqual(proposals(whole));
    }
  });

  it('refuses a snapshot whose roll is not one, naming where', () => {
    const good = new DecisionsFold().add(appendToRoomLog(emptyRoomLog(decisionsRoom), founded()).entries);
    const json = JSON.parse(new TextDecoder().decode(encodeFoldSnapshot(good.snapshot())));
    const cases: [object, string][] = [
      [{ ...json, roll: undefined }, '$.roll'],
      [{ ...json, roll: { ...json.roll, joined: [1] } }, '$.roll.joined'],
      [{ ...json, roll: { ...json.roll, open: 'yes' } }, '$.roll.open'],
      [{ ...json, roll: { ...json.roll, decided: { '@cy:hs': 'king' } } }, '$.roll.decided["@cy:hs"]'],
    ];
    for (const [value, path] of cases)
      expect(decodeFoldSnapshot(new TextEncoder().encode(JSON.stringify(value)))).toEqual({
        ok: false,
        path,
      });
  });

  it('reads the user of a membership action, and nothing else', () => {
    expect(memberActionUser({ user: '@cy:hs' })).toBe('@cy:hs');
    for (const bad of [undefined, null, 'x', { user: 'cy' }, { user: 3 }, { user: `@${'a'.repeat(300)}:hs` }])
      expect(memberActionUser(bad)).toBeUndefined();
  });
});
