import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { admissionRequests, memberDecisions, pendingMemberships } from './admission';
import { ana, approve, bot, decisionsRoom, ev, founded, propose, replayOf } from './group-log.fixture';
import { groupFromState } from './group-view';

// Knock → admit-member decision → invitation; exclude-member → removal. Pure rules.
const space = '!space:hs';
const chat = '!chat:hs';

function spaceState(members: Record<string, string>, knockAt = 0): RawMatrixEvent[] {
  return [
    { type: 'm.room.create', state_key: '', sender: ana, event_id: '$c', content: { room_version: '12' } },
    ...[chat, decisionsRoom].map((roomId, i) => ({
      type: 'm.space.child',
      state_key: roomId,
      sender: ana,
      event_id: `$child${i}`,
      origin_server_ts: 1,
      content: { via: ['hs'], 'org.imago.room': roomId === chat ? 'chat' : 'decisions' },
    })),
    ...Object.entries(members).map(([user, value]) => ({
      type: 'm.room.member',
      state_key: user,
      sender: user,
      event_id: `$m-${user}`,
      origin_server_ts: knockAt,
      content: { membership: value, ...(value === 'knock' ? { reason: 'I grow tomatoes' } : {}) },
    })),
  ];
}

describe('admission and exclusion under the control table', () => {
  it('pairs each knock with the admission decision that answers it', () => {
    const events = founded();
    const admission = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const { state } = replayOf([...events, admission]);
    const view = groupFromState(space, spaceState({ '@cy:hs': 'knock', '@di:hs': 'knock' }, 5));
    const requests = admissionRequests(view, state);
    expect(requests.map((r) => [r.knock.userId, r.knock.reason, r.decision?.id])).toEqual([
      ['@cy:hs', 'I grow tomatoes', admission.event_id],
      ['@di:hs', 'I grow tomatoes', undefined],
    ]);
  });

  it('asks for a new decision when someone knocks again after a refusal', () => {
    const events = founded();
    const admission = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const refusal = ev(ana, 'org.imago.governance.refuse', { decision: admission.event_id });
    const { state } = replayOf([...events, admission, refusal]);
    const refusedAt = state.decisions.get(admission.event_id as string)?.proposedAt ?? 0;
    // The refusal answered the first knock; a knock an hour later is a new request.
    const before = groupFromState(space, spaceState({ '@cy:hs': 'knock' }, refusedAt));
    expect(admissionRequests(before, state)[0]?.decision?.status).toBe('rejected');
    const again = groupFromState(space, spaceState({ '@cy:hs': 'knock' }, refusedAt + 3_600_000));
    expect(admissionRequests(again, state)[0]?.decision).toBeUndefined();
  });

  it('invites the admitted to the space and the rooms, once; removes the excluded from every room', () => {
    const events = founded();
    const admitCy = propose('@bo:hs', 'admit-member', { user: '@cy:hs' });
    const excludeBo = propose(ana, 'exclude-member', { user: '@bo:hs' });
    const pendingDi = propose('@bo:hs', 'admit-member', { user: '@di:hs' });
    const { state } = replayOf([
      ...events,
      admitCy,
      ...approve(admitCy.event_id as string),
      excludeBo,
      ...approve(excludeBo.event_id as string),
      pendingDi,
    ]);
    expect([...memberDecisions(state).keys()].sort()).toEqual(['@bo:hs', '@cy:hs']);
    const rooms: Record<string, Record<string, string>> = {
      [chat]: { '@bo:hs': 'join' },
      [decisionsRoom]: {},
    };
    const inRoom = (roomId: string, user: string) => rooms[roomId]?.[user];
    const view = groupFromState(
      space,
      spaceState({ '@cy:hs': 'knock', '@bo:hs': 'join', '@di:hs': 'knock' }),
    );
    const steps = pendingMemberships(view, state, inRoom);
    expect(steps.map((s) => [s.action, s.roomId, s.user])).toEqual([
      ['invite', space, '@cy:hs'],
      ['invite', chat, '@cy:hs'],
      ['invite', decisionsRoom, '@cy:hs'],
      ['kick', chat, '@bo:hs'],
      ['kick', space, '@bo:hs'],
    ]);
    expect(steps.find((s) => s.user === '@cy:hs')?.decision).toBe(admitCy.event_id);
    // Once invited (or joined), nothing more; Di waits for her decision.
    const invited = groupFromState(space, spaceState({ '@cy:hs': 'invite', '@bo:hs': 'leave' }));
    expect(pendingMemberships(invited, state, () => 'leave')).toEqual([]);
    // Someone admitted who left and knocks again is let in again: the admission stands.
    const back = groupFromState(space, spaceState({ '@cy:hs': 'knock' }));
    expect(pendingMemberships(back, state, () => 'leave').map((s) => s.roomId)).toEqual([space]);
  });

  it('never removes the authority, whatever a decision says', () => {
    const events = founded();
    const excludeBot = propose(ana, 'exclude-member', { user: bot });
    const { state } = replayOf([...events, excludeBot, ...approve(excludeBot.event_id as string)]);
    const view = groupFromState(space, spaceState({ [bot]: 'join' }));
    expect(pendingMemberships(view, state, () => 'join')).toEqual([]);
  });
});
