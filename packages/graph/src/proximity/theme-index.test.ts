import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NaiveOptions, naivePropagate } from '../../test/reference/naive-propagate';
import { KINDS, serializedGraphArbitrary } from '../../test/reference/random-graph';
import { readCompactGraph } from '../compact/parse-compact-graph';
import type { ReadableGraph } from '../model/attributes';
import { type ImagoGraph, readSerializedGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { createThemeIndex } from './theme-index';

const THEMES = Array.from({ length: 8 }, (_, i) => `T${i}`);

/**
 * Many groups over few themes, so that similarities tie often and set sizes spread: what the
 * size-class pruning and the tie-breaking by key have to get right. Interests are stored either
 * way and sometimes twice; the theme hierarchy may have cycles and self-loops; a few groups are
 * linked by accepted relations (for maxHops) and some carry `accepts` / `blocks`.
 */
const themedGraph = (themes: string[]) =>
  fc
    .record({
      groups: fc.array(
        fc.record({
          themes: fc.subarray(themes, { maxLength: Math.min(6, themes.length) }),
          reversed: fc.boolean(),
          twice: fc.boolean(),
          accepts: fc.option(fc.subarray([...KINDS]), { freq: 5, nil: undefined }),
          blocks: fc.option(fc.constantFrom(['g0'], ['g1', 'g2']), { freq: 6, nil: undefined }),
          partner: fc.option(fc.nat(), { freq: 2, nil: undefined }),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      hierarchy: fc.array(fc.tuple(fc.constantFrom(...themes), fc.constantFrom(...themes)), {
        maxLength: 10,
      }),
      undirected: fc.boolean(),
    })
    .map(({ groups, hierarchy, undirected }) => ({
      options: { type: 'mixed', multi: true },
      nodes: [
        ...groups.map((g, i) => ({
          key: `g${i}`,
          attributes: {
            kind: 'group',
            ...(g.accepts ? { accepts: g.accepts } : {}),
            ...(g.blocks ? { blocks: g.blocks } : {}),
          },
        })),
        ...themes.map((key) => ({ key, attributes: { kind: 'entity' } })),
      ],
      edges: [
        ...groups.flatMap((g, i) =>
          [...g.themes, ...(g.twice ? g.themes.slice(0, 1) : [])].map((theme) => ({
            source: g.reversed ? theme : `g${i}`,
            target: g.reversed ? `g${i}` : theme,
            attributes: { type: 'interested-in' },
            undirected: g.reversed && undirected,
          })),
        ),
        ...hierarchy.map(([narrower, broader]) => ({
          source: narrower,
          target: broader,
          attributes: { type: 'subclass-of' },
          undirected,
        })),
        ...groups.flatMap((g, i) =>
          g.partner === undefined
            ? []
            : [
                {
                  source: `g${i}`,
                  target: `g${g.partner % groups.length}`,
                  attributes: { type: 'partner', status: 'accepted' },
                },
              ],
        ),
      ],
    }));

const themedGraphArbitrary = themedGraph(THEMES);

const themeOptionsArbitrary: fc.Arbitrary<NaiveOptions> = fc.record(
  {
    by: fc.constant('theme' as const),
    k: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(Number.POSITIVE_INFINITY)),
    minSimilarity: fc.constantFrom(0, 0.25, 0.5, 0.6, 1),
    themeDepth: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom(...KINDS),
    maxHops: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: ['by'] },
);

function expectIndexedEqualsNaive(
  graph: ReadableGraph,
  index: ReturnType<typeof createThemeIndex>,
  options: NaiveOptions,
) {
  for (const from of graph.nodes()) {
    expect(propagate(graph, from, { ...options, themeIndex: index })).toEqual(
      naivePropagate(graph, from, options),
    );
  }
}

describe('theme propagation through the theme index equals the naive full scan', () => {
  it('on random graphs: targets, similarities, shared themes, ties and order, P279 widening', () => {
    fc.assert(
      fc.property(themedGraphArbitrary, themeOptionsArbitrary, (serialized, options) => {
        const graph = readSerializedGraph(serialized);
        expectIndexedEqualsNaive(graph, createThemeIndex(graph), options);
        const compact = readCompactGraph(serialized);
        expectIndexedEqualsNaive(compact, createThemeIndex(compact), options);
      }),
      { numRuns: 300 },
    );
  });

  it('with few themes and small k, where ties at the k-th similarity are the rule', () => {
    const fewThemes = fc.record({
      by: fc.constant('theme' as const),
      k: fc.integer({ min: 1, max: 3 }),
      themeDepth: fc.integer({ min: 0, max: 1 }),
    });
    fc.assert(
      fc.property(themedGraph(THEMES.slice(0, 4)), fewThemes, (serialized, options) => {
        const graph = readSerializedGraph(serialized);
        expectIndexedEqualsNaive(graph, createThemeIndex(graph), options);
      }),
      { numRuns: 300 },
    );
  });

  it('on the corner-case graphs of the other differential tests', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, themeOptionsArbitrary, (serialized, options) => {
        const graph = readSerializedGraph(serialized);
        expectIndexedEqualsNaive(graph, createThemeIndex(graph), options);
      }),
      { numRuns: 300 },
    );
  });
});

type Change = (graph: ImagoGraph) => void;

const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.nat(59), fc.constantFrom(...THEMES)).map(
    ([g, theme]): Change =>
      (graph) => {
        if (graph.hasNode(`g${g}`) && graph.hasNode(theme))
          graph.addDirectedEdge(`g${g}`, theme, { type: 'interested-in' });
      },
  ),
  fc.tuple(fc.constantFrom(...THEMES), fc.constantFrom(...THEMES)).map(
    ([a, b]): Change =>
      (graph) => {
        graph.addDirectedEdge(a, b, { type: 'subclass-of' });
      },
  ),
  fc.nat().map(
    (i): Change =>
      (graph) => {
        const edges = graph.edges();
        if (edges.length > 0) graph.dropEdge(edges[i % edges.length]!);
      },
  ),
  fc.nat().map(
    (i): Change =>
      (graph) => {
        const edges = graph.edges();
        if (edges.length > 0) graph.setEdgeAttribute(edges[i % edges.length]!, 'type', 'interested-in');
      },
  ),
  fc.nat(59).map(
    (g): Change =>
      (graph) => {
        if (graph.hasNode(`g${g}`)) graph.dropNode(`g${g}`);
      },
  ),
  fc.constantFrom(...THEMES).map(
    (theme): Change =>
      (graph) => {
        graph.setNodeAttribute(theme, 'kind', 'group');
      },
  ),
  fc.nat(59).map(
    (g): Change =>
      (graph) => {
        if (graph.hasNode(`g${g}`)) graph.mergeNodeAttributes(`g${g}`, { kind: 'entity' });
      },
  ),
  fc.nat(59).map(
    (g): Change =>
      (graph) => {
        if (graph.hasNode(`g${g}`)) graph.replaceNodeAttributes(`g${g}`, { kind: 'group', blocks: ['g0'] });
      },
  ),
  fc.constant<Change>((graph) => graph.clearEdges()),
);

describe('the theme index follows the graph', () => {
  it('after any change of interests, hierarchy, kinds or nodes, answers stay those of a full scan', () => {
    fc.assert(
      fc.property(
        themedGraphArbitrary,
        fc.array(changeArbitrary, { minLength: 1, maxLength: 4 }),
        // No filters here: every answer is as long as it can be, so a stale list shows.
        fc.record({
          by: fc.constant('theme' as const),
          k: fc.constant(30),
          themeDepth: fc.integer({ min: 0, max: 2 }),
        }),
        (serialized, changes, options) => {
          const graph = readSerializedGraph(serialized);
          const index = createThemeIndex(graph);
          index.prepare(options.themeDepth ?? 0);
          for (const change of changes) {
            change(graph);
            expectIndexedEqualsNaive(graph, index, options);
          }
          index.dispose();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a disposed index no longer listens; an index of another graph is INVALID_OPTIONS', () => {
    const serialized = {
      nodes: [
        { key: 'a', attributes: { kind: 'group' } },
        { key: 'b', attributes: { kind: 'group' } },
        { key: 'T', attributes: { kind: 'entity' } },
      ],
      edges: [
        { source: 'a', target: 'T', attributes: { type: 'interested-in' } },
        { source: 'b', target: 'T', attributes: { type: 'interested-in' } },
      ],
    };
    const graph = readSerializedGraph(serialized);
    const index = createThemeIndex(graph);
    expect(propagate(graph, 'a', { by: 'theme', themeIndex: index }).map((t) => t.key)).toEqual(['b']);
    index.dispose();
    graph.dropNode('b');
    // The disposed index still lists b, which eligibility then refuses (no longer a node).
    expect(propagate(graph, 'a', { by: 'theme', themeIndex: index })).toEqual([]);
    expect(() => propagate(readSerializedGraph(serialized), 'a', { by: 'theme', themeIndex: index })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', option: 'themeIndex' }),
    );
  });
});
