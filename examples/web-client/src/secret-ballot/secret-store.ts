/**
 * @module
 * What a browser keeps about secret ballots: the trustee's secret key (until the result is
 * published) and the voter's ballot tracker. Local storage only; never sent.
 */

const trusteeKey = (decision: string) => `imago.trustee.${decision}`;
const trackerKey = (decision: string) => `imago.tracker.${decision}`;

/** Keeps the trustee's secret key of a decision's election. */
export function saveTrusteeKey(decision: string, secretKey: string): void {
  localStorage.setItem(trusteeKey(decision), secretKey);
}

/** The trustee's secret key, if this browser holds it. */
export function loadTrusteeKey(decision: string): string | undefined {
  const value = localStorage.getItem(trusteeKey(decision));
  return value && /^\d+$/.test(value) ? value : undefined;
}

/** Forgets the trustee's secret key once it is no longer needed. */
export function forgetTrusteeKey(decision: string): void {
  localStorage.removeItem(trusteeKey(decision));
}

/** A voter's cast ballot: its event and its tracker. */
export interface BallotReceipt {
  eventId: string;
  tracker: string;
}

/** Keeps the receipt of the voter's last ballot. */
export function saveTracker(decision: string, receipt: BallotReceipt): void {
  localStorage.setItem(trackerKey(decision), JSON.stringify(receipt));
}

/** The receipt of the voter's last ballot, if any. */
export function loadTracker(decision: string): BallotReceipt | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(trackerKey(decision)) ?? 'null');
    if (typeof value === 'object' && value !== null) {
      const { eventId, tracker } = value as Record<string, unknown>;
      if (typeof eventId === 'string' && typeof tracker === 'string') return { eventId, tracker };
    }
  } catch {
    // A corrupt receipt is no receipt.
  }
  return undefined;
}
