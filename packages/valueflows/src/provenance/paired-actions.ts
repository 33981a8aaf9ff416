/**
 * Paired actions in track and trace (ValueFlows, "Track and Trace" algorithm notes): tracing back
 * from a `dropoff`, `modify` or `separate`, only the matching `pickup`, `accept` or `combine` of
 * the same resource is followed, and the other way round when tracking.
 *
 * @module
 */

/** The actions that pair up across a transport, repair or packing: [opens, closes]. */
export const PAIRS = [
  ['pickup', 'dropoff'],
  ['accept', 'modify'],
  ['combine', 'separate'],
] as const;

/**
 * Resources whose closing (trace) or opening (track) action was met and whose other half is
 * awaited. An awaited action kind only lets its own resources through; a kind nobody awaits
 * (a walk that starts at the process itself) lets every one through.
 */
export class Pending {
  private readonly counts = new Map<string, number>();

  add(action: string, resource: string | undefined): void {
    if (resource === undefined) return;
    for (const key of [action, `${action}\u0000${resource}`])
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Whether an event with `action` on `resource` may be followed (and, if awaited, marks it met). */
  admit(action: string, resource: string | undefined): boolean {
    if ((this.counts.get(action) ?? 0) === 0) return true;
    const key = `${action}\u0000${resource}`;
    const n = this.counts.get(key) ?? 0;
    if (n === 0) return false;
    this.counts.set(key, n - 1);
    this.counts.set(action, this.counts.get(action)! - 1);
    return true;
  }
}
