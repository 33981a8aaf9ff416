/**
 * What planning one event yields, and the options of that planning.
 *
 * @module
 */

import type { EconomicResource } from '../model/economic-resource';
import type { SpeaksFor } from './answering-side';
import type { RecordedEvent } from './ledger-state';

/** What applying an event writes: resources to set and event records to set. */
export interface EventPlan {
  readonly resources: readonly EconomicResource[];
  readonly recorded: RecordedEvent;
  /** The corrected event's record, now marked as corrected. */
  readonly corrected?: RecordedEvent;
}

/** Options of {@link applyEvent} (and of the ledger's planning of one event). */
export interface PlanOptions {
  /**
   * Whether the event's recorder speaks for an agent. When given, an event is recorded only if its
   * recorder speaks for the agent who answers for it ({@link answeringSide}); a correction, for
   * the agent who answers for the corrected event. Absent: the log is trusted as a whole.
   */
  readonly speaksFor?: SpeaksFor;
}
