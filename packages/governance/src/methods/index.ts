/**
 * @module @imago/governance/methods
 *
 * Counting methods: pure functions from ballots to results, usable on their own.
 * Schulze, majority judgment and STV count exactly as `belenios-tool method` (Belenios 2.0) does,
 * with results of the same shape; plurality, approval and ranked pairs complete the set.
 */
export {
  type Ballots,
  type PackedBallots,
  isPackedBallots,
  packBallots,
} from './ballots';
export { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
export { MalformedBallotsError } from './errors/malformed-ballots-error';
export { type CondorcetOptions } from './condorcet-matrix';
export {
  type MajorityJudgmentOptions,
  type MajorityJudgmentResult,
  majorityJudgment,
} from './majority-judgment';
export { parseBallots } from './parse-ballots';
export { type BeatStrength, type SchulzeOptions, type SchulzeResult, schulze } from './schulze';
export { type StvEvent, type StvOptions, type StvResult, stv } from './stv';
