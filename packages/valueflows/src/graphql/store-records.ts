/**
 * The records vf-graphql 0.8.5 has and the ValueFlows 1.0 model of this package does not, kept
 * by the GraphQL store: relationships between agents and their roles, batches (0.8's
 * `ProductBatch`, ValueFlows 1.0's `vf:BatchLotRecord`), units beyond OM2, and the 0.8
 * reifications of `vf:fulfills` and `vf:satisfies` (`Fulfillment`, `Satisfaction`) created
 * through the API with their own quantity.
 *
 * @module
 */
import type { Measure } from '../model/measure';

/** A kind of relationship between agents, e.g. "member of" / "has member". */
export interface AgentRelationshipRole {
  readonly id: string;
  readonly roleLabel: string;
  readonly inverseRoleLabel?: string;
  readonly note?: string;
}

/** `subject` is `relationship` of `object` (e.g. alice is a member of the garden group). */
export interface AgentRelationship {
  readonly id: string;
  readonly subject: string;
  readonly object: string;
  /** The {@link AgentRelationshipRole}. */
  readonly relationship: string;
  readonly inScopeOf?: readonly string[];
  readonly note?: string;
}

/** A batch or lot of resources made together (vf-graphql `ProductBatch`). */
export interface ProductBatch {
  readonly id: string;
  readonly batchNumber: string;
  readonly expiryDate?: string;
  readonly productionDate?: string;
}

/** A unit created through the API (OM2 units are built in). */
export interface UnitRecord {
  readonly id: string;
  readonly label: string;
  readonly symbol: string;
}

/** An economic event fulfilling (part of) a commitment. */
export interface Fulfillment {
  readonly id: string;
  /** The economic event. */
  readonly fulfilledBy: string;
  /** The commitment. */
  readonly fulfills: string;
  readonly resourceQuantity?: Measure;
  readonly effortQuantity?: Measure;
  readonly note?: string;
}

/** An economic event or a commitment satisfying (part of) an intent. */
export interface Satisfaction {
  readonly id: string;
  /** The intent. */
  readonly satisfies: string;
  /** The economic event or commitment. */
  readonly satisfiedBy: string;
  readonly resourceQuantity?: Measure;
  readonly effortQuantity?: Measure;
  readonly note?: string;
}
