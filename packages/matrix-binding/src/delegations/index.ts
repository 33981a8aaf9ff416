/**
 * Delegations of a member's vote, as room state.
 *
 * @module
 */
export {
  type Delegation,
  type DelegationScope,
  type DelegationSet,
  type DelegationTarget,
  readDelegationSet,
  scopeKey,
} from './delegation-set';
