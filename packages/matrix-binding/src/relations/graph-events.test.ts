import { applyGraphEvents, graphFromEvents } from '@imago/graph';
import { describe, expect, it } from 'vitest';
import type { GroupView } from '../group/group-view';
import { readPowerLevels } from '../group/group-view';
import { graphEventsBetween } from './graph-events';

const view = (spaceId: string, relations: Record<string, string>, places: string[] = []): GroupView => ({
  spaceId,
  profile: { name: spaceId, places, themes: [], blocks: [] },
  children: [],
  subGroups: [],
  parents: [],
  members: [],
  knocks: [],
  memberships: new Map(),
  relations: new Map(Object.entries(relations).map(([to, type]) => [to, { type }])),
  powerLevels: readPowerLevels(undefined),
  warnings: [],
});

describe('graph events from room state', () => {
  it('feeds @imago/graph incrementally: proposed, accepted, ended', () => {
    const step0 = [view('!a', {}, ['Q90']), view('!b', {})];
    const step1 = [view('!a', { '!b': 'partner' }, ['Q90']), view('!b', {})];
    const step2 = [view('!a', { '!b': 'partner' }, ['Q90']), view('!b', { '!a': 'partner' })];
    const step3 = [view('!a', {}, ['Q90']), view('!b', { '!a': 'partner' })];
    const graph = graphFromEvents(graphEventsBetween([], step0));
    expect(graph.hasNode('Q90')).toBe(true);
    expect(graph.size).toBe(1);
    applyGraphEvents(graph, graphEventsBetween(step0, step1));
    const accepted = () =>
      graph.edges().filter((e) => graph.getEdgeAttribute(e, 'status') === 'accepted').length;
    expect(accepted()).toBe(0);
    applyGraphEvents(graph, graphEventsBetween(step1, step2));
    expect(accepted()).toBe(1);
    applyGraphEvents(graph, graphEventsBetween(step2, step3));
    expect(accepted()).toBe(0);
    // The incremental graph equals the one built at once from the last observation.
    const atOnce = graphFromEvents(graphEventsBetween([], step3));
    const summary = (g: typeof graph) =>
      g
        .edges()
        .map((e) => [g.source(e), g.target(e), g.getEdgeAttributes(e)])
        .sort();
    expect(summary(graph)).toEqual(summary(atOnce));
  });
});
