import { describe, expect, it } from 'vitest';
import { graphFromEvents } from '../events/apply-graph-event';
import { groupRelations } from './group-relations';

describe('relations of a group', () => {
  it('lists accepted and pending relations, either direction, never links', () => {
    const graph = graphFromEvents([
      { type: 'group.upserted', group: 'a' },
      { type: 'group.upserted', group: 'b' },
      { type: 'group.upserted', group: 'c' },
      { type: 'entity.upserted', entity: 'Q90' },
      { type: 'link.added', link: 'located-in', from: 'a', to: 'Q90' },
      { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' },
      { type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b', by: 'b' },
      { type: 'relation.proposed', relation: 'follows', from: 'c', to: 'a' },
    ]);
    const summary = (filter?: 'all' | 'accepted' | 'pending') =>
      groupRelations(graph, 'a', filter).map((r) => [r.relation, r.from, r.to, r.status]);
    expect(summary()).toEqual([
      ['follows', 'c', 'a', 'proposed'],
      ['partner', 'a', 'b', 'accepted'],
    ]);
    expect(summary('accepted')).toEqual([['partner', 'a', 'b', 'accepted']]);
    expect(summary('pending')).toEqual([['follows', 'c', 'a', 'proposed']]);
    expect(groupRelations(graph, 'nobody')).toEqual([]);
  });
});
