/**
 * @module @imago/governance/methods
 *
 * Counting methods: pure functions from ballots to results, usable on their own.
 * {@link schulze}, {@link majorityJudgment} and {@link stv} count exactly as
 * `belenios-tool method` (Belenios 2.0) does, with results of the same shape;
 * {@link plurality}, {@link approval} and {@link rankedPairs} complete the set.
 */
export {
  type ApprovalOptions,
  type ApprovalResult,
  approval,
  type PluralityOptions,
  plurality,
} from './approval';
export { type Ballots, isPackedBallots, type PackedBallots, packBallots } from './ballots';
export type { CondorcetOptions } from './condorcet-matrix';
export { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
export { MalformedBallotsError } from './errors/malformed-ballots-error';
export {
  type MajorityJudgmentOptions,
  type MajorityJudgmentResult,
  majorityJudgment,
} from './majority-judgment';
export { type RankedPairsOptions, type RankedPairsResult, rankedPairs } from './ranked-pairs';
export { parseBallots, readBallots } from './read-ballots';
export { type BeatStrength, type SchulzeOptions, type SchulzeResult, schulze } from './schulze';
export { type StvEvent, type StvOptions, type StvResult, stv } from './stv';
