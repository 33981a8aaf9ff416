/**
 * @module
 * The event of a relation between groups: one side's assertion, in its own space.
 */
import { ContentProblem, isRoomId } from '../events/content-reader';
import { type EventSpec, requireStateKey } from '../events/event-spec';
import { ImagoEventTypes } from '../events/event-types';
import type { EventEnvelope } from '../events/raw-matrix-event';
import { type RelationAssertion, readRelationAssertion } from './relation-assertion';

/** A relation assertion, as {@link ImagoEvent} holds it. */
export type RelationEvent = EventEnvelope & {
  readonly kind: 'relation';
  readonly stateKey: string;
  /** `null`: this side ended (or never asserted) the relation. */
  readonly content: RelationAssertion | null;
};

/** The event types of relations, their readers and sender rules. */
export const relationEvents: readonly EventSpec<RelationEvent>[] = [
  {
    type: ImagoEventTypes.relation,
    read(envelope, content) {
      const stateKey = requireStateKey(envelope);
      if (!isRoomId(stateKey)) throw new ContentProblem('state_key', 'expected the other group’s space id');
      return { ...envelope, kind: 'relation', stateKey, content: readRelationAssertion(content) };
    },
  },
];
