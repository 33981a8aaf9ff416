/**
 * How a democracy decision counts its ballots: the method names a control table may use, the
 * ballot shapes (those of `belenios-tool method`, so public and secret ballots look the same),
 * and the result shape the decision engine needs.
 *
 * @module
 */

/** The counting methods a democracy rule may name. */
export type CountingMethodName = 'plurality' | 'approval' | 'majority-judgment' | 'schulze' | 'stv';

/** Every counting method name, in a stable order. */
export const COUNTING_METHOD_NAMES: readonly CountingMethodName[] = [
  'plurality',
  'approval',
  'majority-judgment',
  'schulze',
  'stv',
];

/**
 * A ballot: one integer per option, as Belenios encodes it.
 *
 * - plurality: `1` for the chosen option, `0` elsewhere (exactly one `1`);
 * - approval: `1` for each approved option, `0` elsewhere;
 * - majority-judgment: a grade per option, `1` (best) to `grades` (worst);
 * - schulze: a rank per option, `1` (preferred) upward, ties allowed;
 * - stv: a rank per option, a permutation of `1..n`.
 */
export type Ballot = readonly number[];

/** A ballot with the weight it carries (own vote plus delegated weight, possibly fractional). */
export interface WeightedBallot {
  readonly ballot: Ballot;
  readonly weight: number;
}

/** Whether Helios-C counts the method homomorphically (encrypted sums) or needs a shuffle. */
export function isHomomorphicMethod(method: CountingMethodName): boolean {
  return method === 'plurality' || method === 'approval';
}

/** The result of counting a decision's ballots, whatever the method. */
export interface CountResult {
  readonly method: CountingMethodName;
  /**
   * Options ordered best first, as groups of tied options (Belenios' `winners` shape for
   * Schulze and majority judgment). For STV: one group per elected option, in election order.
   */
  readonly ranking: readonly (readonly number[])[];
  /** The elected options (one for single-winner methods unless tied; `seats` for STV). */
  readonly winners: readonly number[];
  /** Weighted totals per option for plurality and approval; absent otherwise. */
  readonly totals?: readonly number[];
  /** Weight of the ballots counted. */
  readonly countedWeight: number;
}
