/**
 * What a stage of archive verification answers when one failed check ends verification.
 *
 * @module
 */
import type { VerificationIssue } from '../verification-issue';

/** The stage's value, or the issue after which verification stops. */
export type StageOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issue: VerificationIssue };
