import { describe, expect, it } from 'vitest';
import { createImagoGraph } from '../model/parse-serialized-graph';
import { resolveLocation } from './resolve-location';

function graph() {
  const g = createImagoGraph();
  g.addNode('city', { kind: 'entity', lat: 45, lon: 5 });
  g.addNode('other-city', { kind: 'entity', lat: 44, lon: 4 });
  g.addNode('district', { kind: 'entity' });
  g.addNode('region', { kind: 'entity' });
  g.addNode('g', { kind: 'group' });
  g.addDirectedEdge('district', 'city', { type: 'located-in' });
  g.addDirectedEdge('g', 'district', { type: 'located-in' });
  return g;
}

describe('located-in chains', () => {
  it('group → district (no coordinates) → city', () => {
    expect(resolveLocation(graph(), 'g')).toEqual({ lat: 45, lon: 5, via: 'city' });
  });

  it("a group's own coordinates win", () => {
    const g = graph();
    g.mergeNodeAttributes('g', { lat: 1, lon: 2 });
    expect(resolveLocation(g, 'g')).toEqual({ lat: 1, lon: 2, via: 'g' });
  });

  it('between a group and a place, the edge reads group → place whichever way it is stored', () => {
    const g = graph();
    g.dropEdge(g.edges('g', 'district')[0]!);
    g.addDirectedEdge('district', 'g', { type: 'located-in' });
    expect(resolveLocation(g, 'g')?.via).toBe('city');
  });

  it('between places the edge reads source → target: a city is not located in its district', () => {
    expect(resolveLocation(graph(), 'city')?.via).toBe('city');
    const g = graph();
    g.removeNodeAttribute('city', 'lat');
    g.removeNodeAttribute('city', 'lon');
    expect(resolveLocation(g, 'g')).toBeUndefined();
  });

  it('the nearest level wins, then the smallest key; cycles end', () => {
    const g = graph();
    g.addDirectedEdge('g', 'other-city', { type: 'located-in' });
    expect(resolveLocation(g, 'g')?.via).toBe('other-city');
    g.addDirectedEdge('g', 'city', { type: 'located-in' });
    expect(resolveLocation(g, 'g')?.via).toBe('city');
    const cyclic = graph();
    cyclic.removeNodeAttribute('city', 'lat');
    cyclic.removeNodeAttribute('city', 'lon');
    cyclic.addDirectedEdge('city', 'region', { type: 'located-in' });
    cyclic.addDirectedEdge('region', 'district', { type: 'located-in' });
    expect(resolveLocation(cyclic, 'g')).toBeUndefined();
  });

  it('groups are never places, and other edge types are not followed', () => {
    const g = createImagoGraph();
    g.addNode('parent', { kind: 'group', lat: 1, lon: 1 });
    g.addNode('child', { kind: 'group' });
    g.addNode('theme', { kind: 'entity', lat: 2, lon: 2 });
    g.addDirectedEdge('child', 'parent', { type: 'located-in' });
    g.addDirectedEdge('child', 'theme', { type: 'interested-in' });
    expect(resolveLocation(g, 'child')).toBeUndefined();
    expect(resolveLocation(g, 'missing')).toBeUndefined();
  });
});
