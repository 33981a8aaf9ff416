/** A group's card: what a server outside the space reads of the group in its hierarchy. */
import { describe, expect, it } from 'vitest';
import { readPowerLevels } from '../group/group-view';
import {
  GROUP_CARD_KEY,
  groupCardContent,
  groupFromHierarchy,
  MAX_CARD_ENTRIES,
  readGroupCardContent,
} from './group-card';

const card = {
  profile: {
    name: 'Jardin',
    description: 'Shared garden',
    places: ['Q90'],
    themes: ['Q11452'],
    coordinates: { lat: 48.85, lon: 2.35 },
    accepts: ['offer'],
    blocks: ['!spam:hs'],
  },
  pin: { decisions: '!decisions:a', authority: ['@bot:a'] },
  relations: new Map([['!bees:b', { type: 'partner' }]]),
};

describe('group card', () => {
  it('round-trips through its content', () => {
    const content = JSON.parse(JSON.stringify(groupCardContent(card)));
    expect(content.profile.coordinates).toBe('geo:48.85,2.35');
    expect(readGroupCardContent(content)).toEqual(card);
  });

  it('carries the servers to reach a related group through, and reads cards without them', () => {
    const withVia = { ...card, relations: new Map([['!bees:b', { type: 'partner', via: ['b.example'] }]]) };
    const content = JSON.parse(JSON.stringify(groupCardContent(withVia)));
    expect(content.relations).toEqual({ '!bees:b': { type: 'partner', via: ['b.example'] } });
    expect(readGroupCardContent(content)).toEqual(withVia);
    expect(readGroupCardContent({ ...content, relations: { '!bees:b': 'partner' } }).relations).toEqual(
      card.relations,
    );
    expect(() =>
      readGroupCardContent({ ...content, relations: { '!bees:b': { type: 'partner', via: ['a/b'] } } }),
    ).toThrow(expect.objectContaining({ path: 'card.relations["!bees:b"].via[0]' }));
  });

  it('cuts long lists so that the link stays small', () => {
    const relations = new Map(
      Array.from({ length: 150 }, (_, i) => [`!g${String(i).padStart(3, '0')}:hs`, { type: 'follows' }]),
    );
    const blocks = Array.from({ length: 150 }, (_, i) => `!b${i}:hs`);
    const content = groupCardContent({ ...card, profile: { ...card.profile, blocks }, relations });
    const read = readGroupCardContent(content);
    expect(read.relations.size).toBe(MAX_CARD_ENTRIES);
    expect(read.profile.blocks).toHaveLength(MAX_CARD_ENTRIES);
  });

  it('builds a group’s view from its hierarchy entry: rooms, roles, servers, and the card', () => {
    const entry = {
      room_id: '!space:a',
      room_type: 'm.space',
      name: 'Jardin',
      children_state: [
        {
          type: 'm.space.child',
          state_key: '!news:a',
          sender: '@bot:a',
          content: {
            via: ['a'],
            'org.imago.room': 'announcements',
            [GROUP_CARD_KEY]: groupCardContent(card),
          },
        },
        {
          type: 'm.space.child',
          state_key: '!decisions:a',
          content: { via: ['a'], 'org.imago.room': 'decisions' },
        },
        { type: 'm.space.child', state_key: '!gone:a', content: {} },
        { type: 'm.room.name', state_key: '', content: { via: ['x'] } },
      ],
    };
    expect(groupFromHierarchy('!space:a', entry)).toEqual({
      spaceId: '!space:a',
      profile: card.profile,
      authority: { ...card.pin, eventId: '' },
      children: [
        { roomId: '!decisions:a', via: ['a'], role: 'decisions' },
        { roomId: '!news:a', via: ['a'], role: 'announcements' },
      ],
      subGroups: [],
      parents: [],
      members: [],
      // A card says nothing of knocks or memberships: the hierarchy carries no member events.
      knocks: [],
      memberships: new Map(),
      relations: card.relations,
      powerLevels: readPowerLevels(undefined),
      warnings: [],
    });
  });

  it('reports a malformed card, naming the field, and keeps the rooms', () => {
    const bad = { ...groupCardContent(card), pin: { decisions: '!d:a', authority: ['not a user'] } };
    const view = groupFromHierarchy('!space:a', {
      room_id: '!space:a',
      children_state: [
        {
          type: 'm.space.child',
          state_key: '!news:a',
          content: { via: ['a'], 'org.imago.room': 'announcements', [GROUP_CARD_KEY]: bad },
        },
      ],
    });
    expect(view.profile).toBeUndefined();
    expect(view.authority).toBeUndefined();
    expect(view.children.map((c) => c.roomId)).toEqual(['!news:a']);
    expect(view.warnings.map((w) => [w.code, w.path])).toEqual([
      ['malformed-content', `children_state["!news:a"].content["${GROUP_CARD_KEY}"].pin.authority[0]`],
    ]);
  });
});
