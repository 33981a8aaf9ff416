/**
 * Node-only helpers of `@imago/helios-c` (worker threads).
 *
 * @module @imago/helios-c/node
 */
export {
  type NodeBallotVerifierOptions,
  nodeBallotVerifier,
  serveBallotVerification,
} from './parallel-ballot-verifier';
