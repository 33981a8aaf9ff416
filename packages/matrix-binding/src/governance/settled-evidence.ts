/**
 * @module
 * A redaction of governance evidence that came after a decision it counted in had settled: the
 * decision stands (it settled on what everyone saw), and a `settled-evidence-redacted` warning
 * names it, since a later replay no longer sees that evidence.
 */
import type { ImagoWarning } from '../events/imago-warning';

/** A redacted governance event: where it was in the log and the decisions pending then. */
export interface RedactedEvidence {
  readonly index: number;
  readonly pending: readonly string[];
}

/**
 * The warnings of a redaction: one per decision pending when the redacted event was sent that
 * settled between that event and the redaction.
 *
 * @param redaction - the redacted event's id, who redacted it, and the redaction's log index.
 * @param evidence - the redacted event's index and the decisions pending then.
 * @param settledAt - the log index at which each decision settled.
 * @returns the warnings, possibly none.
 */
export function settledEvidenceWarnings(
  redaction: { readonly redacts: string; readonly sender: string; readonly index: number },
  evidence: RedactedEvidence,
  settledAt: ReadonlyMap<string, number>,
): ImagoWarning[] {
  const warnings: ImagoWarning[] = [];
  for (const decision of evidence.pending) {
    const settled = settledAt.get(decision);
    if (settled !== undefined && settled > evidence.index && settled < redaction.index) {
      warnings.push({
        code: 'settled-evidence-redacted',
        eventId: redaction.redacts,
        sender: redaction.sender,
        reason: decision,
        detail: `redacted by ${redaction.sender} after decision ${decision} had settled`,
      });
    }
  }
  return warnings;
}
