/**
 * The inputs the reducer takes from outside the log (membership, sub-group membership,
 * secret-result verification, clock skew): what the application knows of the world at each event.
 *
 * @module
 */
import type { CountedIds, SecretResultContent } from '../events/event-types';
import type { GroupId, MemberId } from '../membership/member-id';
import type { SecretElectionParameters } from '../secret-ballot/election-parameters';
import type { DEFAULT_CLOCK_SKEW, effectiveTime } from './group-clock';

/**
 * Whether a secret result is the verified result of the election the parameters describe, and
 * what that election's Setup named.
 */
export interface SecretResultVerifier {
  (parameters: SecretElectionParameters, content: SecretResultContent): boolean;
  /**
   * The `delegate` events the authority's Setup of the decision's election names, inline or as
   * parts (`named-weights.ts`): the weights are resolved from exactly those. `undefined` when it
   * names none (the weights this reader fixed at opening).
   */
  namedDelegations?(decision: string): CountedIds | undefined;
}

/**
 * What the reducer needs from outside the log, as valid at the event being applied. The Matrix
 * binding feeds it from room state (joined members, sub-space membership) and plugs Helios-C
 * verification.
 */
export interface GovernanceContext {
  /** Members of the group at this point of the log. */
  readonly members: ReadonlySet<MemberId>;
  /** Members of a (sub-)group at this point of the log, or `undefined` if the group is unknown. */
  resolveGroup?(group: GroupId): ReadonlySet<MemberId> | undefined;
  /**
   * Whether a secret result is the verified result of the election these parameters describe.
   * Without it, every `org.imago.governance.secret.result` is rejected. It answers a boolean, not
   * the list of issues other `verify*` functions return: the reducer only needs the verdict (the
   * application that implements it keeps the issues).
   */
  verifySecretResult?: SecretResultVerifier;
  /**
   * How far ahead of the authority's clock another member's event may claim to be (ms; default
   * {@link DEFAULT_CLOCK_SKEW}): see {@link effectiveTime}.
   */
  readonly clockSkew?: number;
}
