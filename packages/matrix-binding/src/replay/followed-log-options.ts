/**
 * @module
 * The options of a `FollowedLog`, where it starts, and what it reports when it changes.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { DecisionsFoldSnapshot } from '../governance/decisions-fold';
import type { ReplayDecisionsOptions } from '../governance/replay-decisions';
import type { AppendOptions } from './room-log';

/** Where a followed log starts when it does not start at the room's creation. */
export interface FollowedLogBase {
  /** The last event the snapshot folded. */
  readonly eventId: string;
  /** The decisions fold after that event. */
  readonly fold: DecisionsFoldSnapshot;
}

/** Options of `FollowedLog`. */
export interface FollowedLogOptions extends AppendOptions {
  /** Keep the decisions fold of the log, with these options (`true`: default options). */
  decisions?: ReplayDecisionsOptions | boolean;
  /** Start after a checkpoint rather than at the room's creation. */
  base?: FollowedLogBase;
  /** Called with the decisions fold right after this event is folded (to check a checkpoint). */
  mark?: { readonly eventId: string; readonly onFolded: (snapshot: DecisionsFoldSnapshot) => void };
}

/** What changed in a followed log. */
export interface LogChange {
  /** Events that entered the log, or changed form (decrypted, redacted), in the room's order. */
  readonly events: readonly RawMatrixEvent[];
  /** Whether an earlier part of the log changed, so that the log and its folds were rebuilt. */
  readonly rebuilt: boolean;
}
