/**
 * @module
 * How the indexes follow a graph: listening to graphology's events when the graph emits them (a
 * read-only graph such as `CompactGraph` never changes and has none), and telling which
 * attribute updates may matter.
 */
import type { ReadableGraph } from '../model/attributes';

/** A listener of graphology graph events. */
export type GraphListener = (payload: Record<string, unknown>) => void;

interface Emitter {
  on?: (event: string, listener: GraphListener) => void;
  removeListener?: (event: string, listener: GraphListener) => void;
}

/** The listeners an index set on a graph, removed together. */
export class GraphSubscription {
  private readonly graph: ReadableGraph;
  private readonly listeners: [string, GraphListener][] = [];

  /** @param graph - The graph to listen to (a graph without `on` is never listened to). */
  constructor(graph: ReadableGraph) {
    this.graph = graph;
  }

  /** Listen to `event` of the graph, if it emits events. */
  on(event: string, listener: GraphListener): void {
    const emitter = this.graph as unknown as Emitter;
    if (typeof emitter.on !== 'function') return;
    emitter.on.call(this.graph, event, listener);
    this.listeners.push([event, listener]);
  }

  /** Remove every listener set through this subscription. */
  dispose(): void {
    const emitter = this.graph as unknown as Emitter;
    for (const [event, listener] of this.listeners) emitter.removeListener?.call(this.graph, event, listener);
    this.listeners.length = 0;
  }
}

/** Whether a graphology attribute-update payload may have changed one of `names`. */
export function touches(payload: Record<string, unknown>, names: string[]): boolean {
  if (payload.type === 'set' || payload.type === 'remove') return names.includes(String(payload.name));
  if (payload.type === 'merge' && typeof payload.data === 'object' && payload.data !== null) {
    return names.some((name) => name in (payload.data as object));
  }
  return true;
}
