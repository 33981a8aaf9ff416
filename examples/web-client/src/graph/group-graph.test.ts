import type { GroupView } from '@imago/matrix-binding';
import { describe, expect, it } from 'vitest';
import type { Group } from '../groups/group';
import { buildGroupGraph } from './group-graph';

function group(id: string, name: string, view: Partial<GroupView> = {}): Group {
  return {
    id,
    name,
    topic: '',
    membership: 'join',
    memberCount: 1,
    chatRoomId: undefined,
    decisionsRoomId: undefined,
    announcementsRoomId: undefined,
    debateRoomId: undefined,
    view: {
      spaceId: id,
      children: [],
      subGroups: [],
      parents: [],
      members: [],
      knocks: [],
      memberships: new Map(),
      relations: new Map(),
      powerLevels: {
        users: {},
        usersDefault: 0,
        events: {},
        eventsDefault: 0,
        stateDefault: 50,
        creators: [],
      },
      warnings: [],
      ...view,
    },
  };
}

describe('group graph', () => {
  it('draws sub-groups towards their parent, accepted relations once and proposed ones from their proposer', () => {
    const graph = buildGroupGraph([
      group('!a', 'A', { subGroups: ['!b'], relations: new Map([['!c', { type: 'partner' }]]) }),
      group('!b', 'B', { relations: new Map([['!c', { type: 'follows' }]]) }),
      group('!c', 'C', { relations: new Map([['!a', { type: 'partner' }]]) }),
    ]);
    const edges = graph
      .mapEdges(
        (_e, attributes, source, target) => `${source}>${target}:${attributes.type}:${attributes.status}`,
      )
      .sort();
    expect(edges).toEqual([
      '!a>!c:partner:accepted',
      '!b>!a:sub-group-of:accepted',
      '!b>!c:follows:proposed',
    ]);
    graph.forEachNode((_node, attributes) => {
      expect(Number.isFinite(attributes.x) && Number.isFinite(attributes.y)).toBe(true);
    });
  });

  it('leaves out relations to groups the person cannot see', () => {
    const graph = buildGroupGraph([group('!a', 'A', { relations: new Map([['!z', { type: 'partner' }]]) })]);
    expect(graph.order).toBe(1);
    expect(graph.size).toBe(0);
  });
});
