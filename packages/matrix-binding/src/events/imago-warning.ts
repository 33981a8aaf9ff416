/**
 * @module
 * Typed warnings: what the binding reports instead of crashing when an event is hostile or
 * malformed. A warned event has no effect on any state.
 */

/** Why an event was ignored. */
export type ImagoWarningCode =
  /** The envelope is not a Matrix event (missing id, sender, type…). */
  | 'malformed-envelope'
  /** The content does not follow the schema of its type; `path` names the field. */
  | 'malformed-content'
  /** The content is larger than the type allows. */
  | 'oversize'
  /** The event was redacted: its content is gone. */
  | 'redacted'
  /** The sender may not send this event (state key owned by someone else, not a chair…). */
  | 'unauthorised'
  /** The event id was already applied (a replay). */
  | 'duplicate'
  /** The event refers to something unknown (a decision, a membership, a relation). */
  | 'unknown-reference'
  /** The encrypted event could not be decrypted. */
  | 'undecryptable'
  /** A domain package rejected the event (its error code is in `detail`). */
  | 'rejected'
  /** An `m.replace` edit of an Imago event: Imago events never change once sent. */
  | 'edit'
  /**
   * A redaction removed an event that a decision settled before the redaction had taken into
   * account (only power 100 can redact in a group's rooms): the decision's evidence is gone, and
   * replays no longer see what settled it. `reason` names the decision.
   */
  | 'settled-evidence-redacted'
  /**
   * A user joined a decisions room without the group admitting them (no adopted `admit-member`
   * decision, not a founder, not an open group): they are not counted in its decisions.
   */
  | 'unadmitted-member'
  /**
   * A change of the group's state (profile, relation, power levels, join rules…) that no adopted
   * decision backs: it stands on Matrix, but no decision of the group made it.
   */
  | 'unbacked-state'
  /**
   * A checkpoint of the decisions fold does not match: its snapshot's bytes do not hash to its
   * digest, or the state it carries is not the state the whole history gives at its event.
   */
  | 'checkpoint-mismatch'
  /**
   * The authority's close named events this log has not shown yet (concurrent with the close,
   * ordered after it here, or not arrived): the decision stays `closed` until they come.
   */
  | 'awaiting-evidence'
  /**
   * The authority's close named an event that does not count: redacted, from a non-member, about
   * another decision, or refused by its protocol (`reason`).
   */
  | 'invalid-evidence'
  /** Events this log counted that the authority's close did not name: they do not count. */
  | 'uncounted';

/** A typed warning about one event. */
export interface ImagoWarning {
  readonly code: ImagoWarningCode;
  /** The event's id, when it had one. */
  readonly eventId?: string;
  readonly type?: string;
  readonly sender?: string;
  /** Path of the offending field inside the event (`content.coordinates.lat`). */
  readonly path?: string;
  /**
   * The domain package's own stable code, when it rejected the event: @imago/governance's
   * rejection reason (`wrong-sender`, `too-late`…), @imago/valueflows' error code, @imago/helios-c's
   * failed check (`ballot.election_hash`…).
   */
  readonly reason?: string;
  /** Human-readable detail (never parse it). */
  readonly detail: string;
}

/** Receives warnings; the default is to drop them. */
export type WarningSink = (warning: ImagoWarning) => void;
