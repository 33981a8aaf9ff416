/**
 * Ballot verification for Node. (Worker threads are used when available; see the package README.)
 *
 * @module
 */
import type { BallotBatchVerifier } from '../verify/archive-verification';
import { verifyBallot } from '../verify/ballot-verification';

/**
 * A ballot verifier for Node.
 * @returns the verifier
 */
export function nodeBallotVerifier(): BallotBatchVerifier {
  return async (election, texts, isCredential, onProgress) => {
    const out = [];
    for (const [i, text] of texts.entries()) {
      out.push(verifyBallot(election, text, isCredential));
      onProgress?.(i + 1, texts.length);
    }
    return out;
  };
}
