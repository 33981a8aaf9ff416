/**
 * What a delegation covers and to whom it goes.
 *
 * Scopes follow LiquidFeedback's precedence (issue > area > unit): a delegation for one
 * decision beats one for its kind of action (topic), which beats a group-wide one.
 *
 * @module
 */
import type { ActionKind } from '../control-table/action-kinds';
import type { GroupId, MemberId } from '../membership/member-id';

/** The scope of a delegation: the whole group, one kind of action, or one decision. */
export type DelegationScope =
  | { readonly type: 'group' }
  | { readonly type: 'kind'; readonly kind: ActionKind }
  | { readonly type: 'decision'; readonly decision: string };

/** The delegate: a member (transitive) or a whole group (its members' votes decide). */
export type DelegationTarget = { readonly member: MemberId } | { readonly group: GroupId };

/** A member's delegations, one per scope. */
export interface MemberDelegations {
  readonly group?: DelegationTarget;
  readonly kinds: Readonly<Record<string, DelegationTarget>>;
  readonly decisions: Readonly<Record<string, DelegationTarget>>;
}

/** A member with no delegation. */
export const NO_DELEGATIONS: MemberDelegations = Object.freeze({
  kinds: Object.freeze({}),
  decisions: Object.freeze({}),
});

/**
 * The delegation that applies to a decision: the most specific scope wins.
 *
 * @param delegations - the member's delegations
 * @param decision - the decision id
 * @param kind - the decision's kind of action
 * @returns the target, or `undefined` if the member delegated nothing that covers the decision
 */
export function effectiveDelegation(
  delegations: MemberDelegations | undefined,
  decision: string,
  kind: ActionKind,
): DelegationTarget | undefined {
  if (delegations === undefined) return undefined;
  if (Object.hasOwn(delegations.decisions, decision)) return delegations.decisions[decision];
  if (Object.hasOwn(delegations.kinds, kind)) return delegations.kinds[kind];
  return delegations.group;
}

/**
 * Records (or, with `target` undefined, revokes) a delegation for `scope`.
 *
 * @param delegations - the member's current delegations
 * @param scope - the scope
 * @param target - the new delegate, or `undefined` to revoke
 * @returns the new delegations (the input is unchanged)
 */
export function withDelegation(
  delegations: MemberDelegations,
  scope: DelegationScope,
  target: DelegationTarget | undefined,
): MemberDelegations {
  const without = (record: Readonly<Record<string, DelegationTarget>>, key: string) => {
    const { [key]: _removed, ...rest } = record;
    return rest;
  };
  switch (scope.type) {
    case 'group': {
      const { group: _previous, ...rest } = delegations;
      return target === undefined ? rest : { ...rest, group: target };
    }
    case 'kind':
      return {
        ...delegations,
        kinds:
          target === undefined
            ? without(delegations.kinds, scope.kind)
            : { ...delegations.kinds, [scope.kind]: target },
      };
    case 'decision':
      return {
        ...delegations,
        decisions:
          target === undefined
            ? without(delegations.decisions, scope.decision)
            : { ...delegations.decisions, [scope.decision]: target },
      };
  }
}

/** @returns whether the member has no delegation left */
export function hasNoDelegation(delegations: MemberDelegations): boolean {
  return (
    delegations.group === undefined &&
    Object.keys(delegations.kinds).length === 0 &&
    Object.keys(delegations.decisions).length === 0
  );
}
