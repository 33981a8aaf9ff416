/**
 * Options and results of {@link match}.
 *
 * @module
 */
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';

/** Why a pair was proposed (or how well it fits). */
export type MatchReasonCode =
  | 'same-specification'
  | 'shared-classification'
  | 'related-classification'
  | 'same-action'
  | 'compatible-action'
  | 'full-quantity'
  | 'partial-quantity'
  | 'quantity-unknown'
  | 'time-overlap'
  | 'time-open'
  | 'within-distance'
  | 'location-unknown';

/** One reason, with a human-readable detail (e.g. the shared classifications). */
export interface MatchReason {
  readonly code: MatchReasonCode;
  readonly detail?: string;
}

/** A need paired with an offer that could (partly) fulfil it. */
export interface CandidateMatch {
  /** The request proposal. */
  readonly need: string;
  readonly needIntent: string;
  /** The offer proposal. */
  readonly offer: string;
  readonly offerIntent: string;
  /** From 0 to 1; higher is better. */
  readonly score: number;
  /** How much of the need the offer covers, in the need's unit (when both quantities are known). */
  readonly quantity?: Measure;
  /** The covered fraction of the need, 0 to 1 (when known). */
  readonly fulfilment?: number;
  /** Distance between the two, as the caller's distance function measured it. */
  readonly distance?: number;
  readonly reasons: readonly MatchReason[];
}

/** Relative weights of the score components; they are normalised to sum to 1. */
export interface MatchWeights {
  readonly specification: number;
  readonly quantity: number;
  readonly time: number;
  readonly location: number;
}

/** Options of {@link match}. Every option has a default. */
export interface MatchOptions {
  /**
   * Distance between two locations, in any unit consistent with `maxDistance` and
   * `distanceScale` (e.g. kilometres), or undefined when unknown. Supplied by the caller — for
   * example from `@imago/graph`'s geographic proximity — so that this package stays separate.
   */
  readonly distance?: (need: SpatialThing, offer: SpatialThing) => number | undefined;
  /** Pairs farther apart than this are not proposed. Default: no limit. */
  readonly maxDistance?: number;
  /** Distance at which the location score halves. Default 10. */
  readonly distanceScale?: number;
  /**
   * Similarity (0 to 1) of two different canonical classifications, e.g. from a Wikidata
   * subclass hierarchy. When given, every offer is compared with every need (no index).
   */
  readonly classificationSimilarity?: (need: string, offer: string) => number;
  /** ISO 8601 instant: proposals and intents that ended before it are not proposed. */
  readonly now?: string;
  /** Candidates scoring below are dropped. Default 0. */
  readonly minScore?: number;
  /** Keep at most this many candidates per need. Default: all. */
  readonly limit?: number;
  /** Default: specification 0.4, quantity 0.3, time 0.1, location 0.2. */
  readonly weights?: Partial<MatchWeights>;
}

/** An intent with the proposal that publishes it. */
export interface PublishedIntent {
  readonly proposal: Proposal;
  readonly intent: Intent;
}
