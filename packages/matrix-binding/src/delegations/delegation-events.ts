/**
 * @module
 * The event of a member's delegations: per-user state only its owner may send.
 */
import { type EventSpec, requireOwnStateKey } from '../events/event-spec';
import { ImagoEventTypes } from '../events/event-types';
import type { EventEnvelope } from '../events/raw-matrix-event';
import { type DelegationSet, readDelegationSet } from './delegation-set';

/** A member's delegations, as {@link ImagoEvent} holds them. */
export type DelegationEvent = EventEnvelope & {
  readonly kind: 'delegations';
  readonly stateKey: string;
  readonly content: DelegationSet;
};

/** The event types of delegations, their readers and sender rules. */
export const delegationEvents: readonly EventSpec<DelegationEvent>[] = [
  {
    type: ImagoEventTypes.delegations,
    read(envelope, content) {
      const stateKey = requireOwnStateKey(envelope, 'delegations of another user');
      return { ...envelope, kind: 'delegations', stateKey, content: readDelegationSet(content) };
    },
  },
];
