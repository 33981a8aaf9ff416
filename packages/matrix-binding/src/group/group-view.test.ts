import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from '../events/event-types';
import { groupFromState, groupRoom, maySend } from './group-view';

const space = '!space:hs';
let n = 0;
const state = (type: string, stateKey: string, content: unknown, sender = '@founder:hs') => ({
  event_id: `$s${++n}`,
  room_id: space,
  sender,
  origin_server_ts: n,
  type,
  state_key: stateKey,
  content,
});

describe('groupFromState', () => {
  const events = [
    state('m.room.create', '', {
      room_version: '12',
      type: 'm.space',
      additional_creators: ['@cofounder:hs'],
    }),
    state('m.room.power_levels', '', {
      users: { '@mod:hs': 50 },
      events: { [ImagoEventTypes.relation]: 50 },
      state_default: 50,
    }),
    ...['@founder:hs', '@cofounder:hs', '@mod:hs', '@member:hs'].map((u) =>
      state('m.room.member', u, { membership: 'join' }, u),
    ),
    state('m.room.member', '@gone:hs', { membership: 'leave' }, '@gone:hs'),
    state(ImagoEventTypes.group, '', {
      name: 'Jardin',
      places: ['Q90'],
      coordinates: 'geo:48.85,2.35',
      accepts: ['offer'],
    }),
    state('m.space.child', '!chat:hs', { via: ['hs'], 'org.imago.room': 'chat' }),
    state('m.space.child', '!sub:hs', { via: ['hs'], 'org.imago.room': 'sub-group' }),
    state('m.space.child', '!removed:hs', {}),
    state('m.space.parent', '!parent:hs', { via: ['hs'], canonical: true }),
    state(ImagoEventTypes.relation, '!other:hs', { type: 'partner' }),
    state(ImagoEventTypes.relation, '!ended:hs', {}),
  ];

  it('reads profile, rooms, sub-groups, parents, relations and roles (creators of room v12 are admins)', () => {
    const view = groupFromState(space, events);
    expect(view.profile).toMatchObject({
      name: 'Jardin',
      places: ['Q90'],
      coordinates: { lat: 48.85, lon: 2.35 },
      accepts: ['offer'],
    });
    expect(groupRoom(view, 'chat')).toBe('!chat:hs');
    expect(view.subGroups).toEqual(['!sub:hs']);
    expect(view.children.map((c) => c.roomId)).not.toContain('!removed:hs');
    expect(view.parents).toEqual(['!parent:hs']);
    expect([...view.relations.keys()]).toEqual(['!other:hs']);
    expect(view.members.map((m) => [m.userId, m.role])).toEqual([
      ['@cofounder:hs', 'admin'],
      ['@founder:hs', 'admin'],
      ['@member:hs', 'member'],
      ['@mod:hs', 'moderator'],
    ]);
    expect(maySend(view.powerLevels, '@mod:hs', ImagoEventTypes.relation, true)).toBe(true);
    expect(maySend(view.powerLevels, '@member:hs', ImagoEventTypes.relation, true)).toBe(false);
    expect(view.warnings).toEqual([]);
  });

  it('reports a malformed profile and leaves it out', () => {
    const others = events.filter((e) => e.type !== ImagoEventTypes.group);
    const view = groupFromState(space, [
      ...others,
      state(ImagoEventTypes.group, '', { name: '', places: ['Q90'] }),
    ]);
    expect(view.profile).toBeUndefined();
    expect(view.warnings.map((w) => [w.code, w.path])).toEqual([['malformed-content', 'content.name']]);
  });
});
