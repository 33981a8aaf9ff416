/**
 * Why an event was rejected: invalid events are ignored (state unchanged) and reported.
 *
 * @module
 */
import type { InvalidEventError } from '../errors/invalid-event-error';

/** Stable codes of rejection. */
export type RejectionReason =
  /** The envelope or content does not parse (see `error.path`). */
  | 'malformed'
  /** An event with the same id was already applied. */
  | 'duplicate'
  /** The sender is not a member of the group. */
  | 'not-a-member'
  /** The sender may not do this (not the proposer, not a decider, not eligible, not the objector…). */
  | 'wrong-sender'
  /** The named decision does not exist. */
  | 'unknown-decision'
  /** The decision has not opened yet at the event's timestamp. */
  | 'too-early'
  /** The decision's period (or challenge window) had ended at the event's timestamp. */
  | 'too-late'
  /** The decision is not in a state that accepts this event. */
  | 'not-open'
  /** The event does not apply to the decision's protocol (e.g. a vote on a consensus). */
  | 'wrong-protocol'
  /** No control table yet (before `init`), or `init` after one was set. */
  | 'no-control-table'
  | 'control-table-exists'
  /** The control table has no rule for the proposal's kind. */
  | 'unknown-kind'
  /** The proposal's options do not fit its rule (e.g. no more options than STV seats). */
  | 'invalid-options'
  /** The ballot does not fit the counting method or the options. */
  | 'invalid-ballot'
  /** A vote on a secret-ballot decision (secret ballots go to Helios-C). */
  | 'secret-ballot'
  /** A delegation to oneself, or a delegation/revocation the scope cannot take. */
  | 'invalid-delegation'
  /** An amendment or withdrawal names an objection that is not standing on the decision. */
  | 'unknown-objection'
  /** A secret result that was not verified or does not fit the election. */
  | 'unverified-result'
  /** A secret-ballot proposal when neither its rule nor the proposal names the trustees. */
  | 'no-trustees'
  /** A proposal naming trustees when its rule names its own. */
  | 'invalid-trustees'
  /**
   * A close or tick whose counted list is split into parts that are missing or do not hash to
   * its digest.
   */
  | 'incomplete-count';

/** A rejected event, as reported by the reducer. */
export interface RejectedEvent {
  /** The event id, if the envelope had a readable one. */
  readonly id?: string;
  /** The event type, if readable. */
  readonly type?: string;
  readonly reason: RejectionReason;
  /** For `malformed`: the parse error, with the offending path. */
  readonly error?: InvalidEventError;
}
