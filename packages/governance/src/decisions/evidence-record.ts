/**
 * The record of evidence every reader keeps: the events a counted close may name, as read.
 *
 * @module
 */
import type { GovernanceEvent, GovernanceEventOf } from '../events/event-types';

/** The event types that take part in one decision, and that a counted close names. */
export const PARTICIPATION_TYPES = [
  'org.imago.governance.vote',
  'org.imago.governance.approve',
  'org.imago.governance.refuse',
  'org.imago.governance.stance',
  'org.imago.governance.object',
  'org.imago.governance.objection.withdraw',
  'org.imago.governance.amend',
] as const;

/** An event of one of {@link PARTICIPATION_TYPES}. */
export type ParticipationEvent = Extract<GovernanceEvent, { type: (typeof PARTICIPATION_TYPES)[number] }>;

/** A `delegate` event, as the evidence record keeps it. */
export type DelegateEvent = GovernanceEventOf<'org.imago.governance.delegate'>;

/**
 * A proposer's `withdraw` or a do-ocracy `challenge`: the events that change a decision's course
 * rather than its count, and that a counted close names too.
 */
export type CourseEvent = Extract<
  GovernanceEvent,
  { type: 'org.imago.governance.withdraw' | 'org.imago.governance.challenge' }
>;

/** The event types a counted close may name: participation, withdrawals, challenges, `delegate`. */
export const COUNTED_TYPES: ReadonlySet<string> = new Set([
  ...PARTICIPATION_TYPES,
  'org.imago.governance.withdraw',
  'org.imago.governance.challenge',
  'org.imago.governance.delegate',
]);

/**
 * An event a counted close may name, as read (whether or not it was accepted), or the mark of a
 * redacted event.
 */
export type EvidenceRecord =
  | {
      readonly event: ParticipationEvent | CourseEvent | DelegateEvent;
      /** Whether its sender counted as a member where the event stands in the log. */
      readonly member: boolean;
    }
  | { readonly redacted: true };
