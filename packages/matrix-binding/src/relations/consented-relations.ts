/**
 * @module
 * Consent of relations between groups: each group asserts a relation in its own space (state key =
 * the other group's space id); a relation counts (`accepted`) only when both sides assert it with
 * the same type; one side alone is `proposed`; either side withdrawing ends it. Pure.
 */
import type { RelationAssertion } from './relation-assertion';

/** A relation between two groups as both sides' state says it. */
export interface GroupRelation {
  /** The two space ids, `a < b`. */
  readonly a: string;
  readonly b: string;
  readonly type: string;
  /** `accepted`: both sides assert it; `proposed`: only `proposedBy` does. */
  readonly status: 'accepted' | 'proposed';
  /** The side that asserts it, when only one does. */
  readonly proposedBy?: string;
}

/** What each group asserts: space id → (other space id → assertion). */
export type RelationAssertions = ReadonlyMap<string, ReadonlyMap<string, RelationAssertion>>;

/**
 * The relations between groups, from what each side asserts.
 *
 * @param assertions - each group's assertions (e.g. `GroupView.relations` by space id).
 * @returns one entry per (pair, type), sorted; accepted ones where both sides agree on the type.
 * @example
 * ```ts
 * const relations = consentedRelations(new Map([[a.spaceId, a.relations], [b.spaceId, b.relations]]));
 * ```
 */
export function consentedRelations(assertions: RelationAssertions): GroupRelation[] {
  const result = new Map<string, GroupRelation>();
  for (const [from, mine] of assertions) {
    for (const [to, assertion] of mine) {
      if (to === from) continue;
      const [a, b] = from < to ? [from, to] : [to, from];
      const key = `${a}\u0000${b}\u0000${assertion.type}`;
      if (result.has(key)) continue;
      const theirs = assertions.get(to)?.get(from);
      result.set(
        key,
        theirs?.type === assertion.type
          ? { a, b, type: assertion.type, status: 'accepted' }
          : { a, b, type: assertion.type, status: 'proposed', proposedBy: from },
      );
    }
  }
  return [...result.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, relation]) => relation);
}

/** A change between two sets of relations, for incremental consumers such as @imago/graph. */
export type RelationChange =
  | { readonly op: 'proposed'; readonly relation: GroupRelation }
  | { readonly op: 'accepted'; readonly relation: GroupRelation }
  | { readonly op: 'ended'; readonly relation: GroupRelation };

/**
 * The changes that turn one set of relations into another.
 *
 * @param before - relations before (from {@link consentedRelations}).
 * @param after - relations after.
 * @returns `proposed`, `accepted` and `ended` changes, in a stable order.
 */
export function relationChanges(
  before: readonly GroupRelation[],
  after: readonly GroupRelation[],
): RelationChange[] {
  const key = (r: GroupRelation) => `${r.a}\u0000${r.b}\u0000${r.type}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const changes: RelationChange[] = [];
  for (const relation of after) {
    const previous = old.get(key(relation));
    old.delete(key(relation));
    if (previous?.status === relation.status && previous.proposedBy === relation.proposedBy) continue;
    if (relation.status === 'accepted') changes.push({ op: 'accepted', relation });
    else if (previous?.status === 'accepted') {
      changes.push({ op: 'ended', relation: previous }, { op: 'proposed', relation });
    } else changes.push({ op: 'proposed', relation });
  }
  for (const relation of old.values()) changes.push({ op: 'ended', relation });
  return changes;
}
