/**
 * @module
 * The graph of groups as a picture (sigma.js, WebGL) with, for people who cannot see it and for
 * keyboards, the same information as a list. Selecting a node opens the group.
 */
import type { MatrixClient } from '@imago/matrix-binding';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { PageHeading } from '../app/page-heading';
import { routeHref } from '../app/use-hash-route';
import { readGroups } from '../groups/group';
import { useClientVersion } from '../matrix/use-client-version';
import {
  buildGroupGraph,
  type GroupGraph,
  type PictureEdge,
  type PictureNode,
  SUB_GROUP_OF,
} from './group-graph';
import { drawNodeLabel } from './node-label';

/** The relations of one group in words, whichever side the edge starts from. */
function describeEdges(graph: GroupGraph, node: string): { key: string; text: string; other: string }[] {
  const out = graph.outEdges(node).map((edge) => ({
    key: edge,
    text: graph.getEdgeAttributes(edge).label,
    other: graph.target(edge),
  }));
  const incoming = graph.inEdges(node).map((edge) => {
    const attributes = graph.getEdgeAttributes(edge);
    const text =
      attributes.type === SUB_GROUP_OF
        ? 'has the sub-group'
        : attributes.status === 'accepted'
          ? attributes.label
          : `${attributes.type} proposed by`;
    return { key: edge, text, other: graph.source(edge) };
  });
  return [...out, ...incoming];
}

function GraphPicture({ graph }: { graph: GroupGraph }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!container.current) return;
    let renderer: Sigma<PictureNode, PictureEdge> | undefined;
    try {
      renderer = new Sigma<PictureNode, PictureEdge>(graph, container.current, {
        allowInvalidContainer: true,
        renderEdgeLabels: true,
        labelColor: { color: '#111827' },
        labelSize: 14,
        labelWeight: '600',
        labelRenderedSizeThreshold: 0,
        stagePadding: 70,
        defaultDrawNodeLabel: drawNodeLabel,
        edgeLabelColor: { color: '#374151' },
        edgeLabelSize: 12,
        // `type` on edges is the Imago relation type, while sigma reads `type` as the drawing
        // program: arrows point from a group to the group it relates to.
        edgeReducer: (_edge, data) => ({ ...data, type: 'arrow' }),
      });
      renderer.on('clickNode', ({ node }) => {
        location.hash = routeHref('groups', node, 'chat');
      });
      container.current.dataset.rendered = 'true';
    } catch {
      // No WebGL: the list below carries the same information.
      setFailed(true);
    }
    return () => renderer?.kill();
  }, [graph]);
  const edges = graph.size;
  return (
    <figure class="graph-figure">
      <div
        ref={container}
        class="graph-canvas"
        role="img"
        aria-label={`Picture of ${graph.order} groups and ${edges} relations; the list below describes it.`}
        data-nodes={graph.order}
        data-edges={edges}
      />
      <figcaption>
        {failed
          ? 'The picture cannot be drawn in this browser (WebGL is unavailable).'
          : 'Blue: your groups; grey: invitations. Select a group to open it.'}
      </figcaption>
    </figure>
  );
}

/** The graph view. */
export function GraphPage({ client }: { client: MatrixClient }) {
  const version = useClientVersion(client);
  // Rebuild only when the client's rooms changed; groups are compared by their content.
  const groups = readGroups(client);
  const key = JSON.stringify(groups);
  const graph = useMemo(() => buildGroupGraph(groups), [key]);
  const names = new Map(groups.map((group) => [group.id, group.name]));
  return (
    <div class="page" data-version={version}>
      <PageHeading>Graph of groups</PageHeading>
      {groups.length === 0 ? <p>No group yet: create one in Groups.</p> : <GraphPicture graph={graph} />}
      <section aria-labelledby="graph-list-title">
        <h2 id="graph-list-title">Groups and relations</h2>
        <ul class="plain-list graph-list">
          {groups.map((group) => (
            <li key={group.id}>
              <a href={routeHref('groups', group.id, 'chat')}>{group.name}</a>
              {group.membership === 'invite' && <span class="badge">invited</span>}
              <ul>
                {describeEdges(graph, group.id).map((line) => (
                  <li key={line.key}>
                    {line.text}: {names.get(line.other) ?? line.other}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
