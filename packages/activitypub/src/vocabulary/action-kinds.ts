/**
 * @module
 * The kinds of action the bridge asks a group's control table about (application-defined kinds
 * of @imago/governance, namespaced `org.imago.activitypub.*`). A group without a rule for one of
 * them falls back to its table's `fallback`; without a fallback, proposals of that kind are
 * rejected and the bridge answers `Reject`.
 */

/** The bridge's kinds of action. */
export const ActivitypubActionKinds = {
  /**
   * Showing the group on the fediverse (or withdrawing it). Action:
   * `{ handle, followers?: 'open' | 'decided', publish?: boolean }`.
   */
  publish: 'org.imago.activitypub.publish',
  /** Accepting a follower, when the group's publication says `followers: 'decided'`. */
  follower: 'org.imago.activitypub.follower',
  /** Entering an agreement that a fediverse actor offered (`Offer(Agreement)`, FEP-0837). */
  agreement: 'org.imago.activitypub.agreement',
} as const;

/** How a published group takes followers. */
export type FollowerPolicy = 'open' | 'decided';

/** A group's publication on the fediverse, as its adopted decision says. */
export interface Publication {
  /** The actor's preferred username and identifier (`[a-z0-9_]`, 1–64 characters). */
  readonly handle: string;
  readonly followers: FollowerPolicy;
  /** The adopting decision. */
  readonly decision: string;
}

/** Handles are lower-case letters, digits and `_`, as most fediverse servers accept them. */
export const HANDLE_PATTERN: RegExp = /^[a-z0-9_]{1,64}$/;

/** What {@link readPublication} reads of a decision (a @imago/governance `Decision` has it). */
export interface DecisionSummary {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly action: unknown;
  readonly outcome?: { readonly at: number };
}

/**
 * The group's publication in force: the latest adopted `org.imago.activitypub.publish` decision
 * (by adoption time, then id), or `undefined` when none is adopted or the latest withdraws it
 * (`publish: false`). A decision with a malformed action is ignored, and so is an adoption still
 * provisional (adopted by its deciders before its deadline, until the authority's close confirms
 * it: a close may still undo it).
 *
 * @param decisions - the group's decisions (e.g. `replayDecisions(log).state.decisions.values()`).
 * @param provisional - the decisions whose settlement is still provisional
 *   (`replayDecisions(log).state.provisional`).
 * @returns the publication, or `undefined`.
 * @example
 * ```ts
 * const { state } = replayDecisions(log);
 * const publication = readPublication(state.decisions.values(), state.provisional);
 * ```
 */
export function readPublication(
  decisions: Iterable<DecisionSummary>,
  provisional: { has(id: string): boolean } = new Set<string>(),
): Publication | undefined {
  let latest: { at: number; id: string; publication: Publication | undefined } | undefined;
  for (const decision of decisions) {
    if (decision.kind !== ActivitypubActionKinds.publish || decision.status !== 'adopted') continue;
    if (provisional.has(decision.id)) continue;
    const at = decision.outcome?.at ?? 0;
    const action = decision.action as Record<string, unknown> | null;
    if (typeof action !== 'object' || action === null) continue;
    let publication: Publication | undefined;
    if (action.publish === false) publication = undefined;
    else {
      if (typeof action.handle !== 'string' || !HANDLE_PATTERN.test(action.handle)) continue;
      const followers = action.followers ?? 'open';
      if (followers !== 'open' && followers !== 'decided') continue;
      publication = { handle: action.handle, followers, decision: decision.id };
    }
    if (latest === undefined || at > latest.at || (at === latest.at && decision.id > latest.id)) {
      latest = { at, id: decision.id, publication };
    }
  }
  return latest?.publication;
}
