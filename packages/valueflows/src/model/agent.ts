/**
 * `vf:Agent`, `vf:Person`, `vf:Organization` (ValueFlows 1.0 observation layer).
 *
 * In Imago a group is an `Organization` — "something called a group is an Organization in
 * Valueflows if it has agency as the group" — and people are `Person`s.
 *
 * @module
 */
import type { SpatialThing } from './spatial-thing';

/** The kinds of agent ValueFlows defines. */
export type AgentType = 'Person' | 'Organization' | 'EcologicalAgent';

/** An identifiable entity that can commit to and perform economic activity. */
export interface Agent {
  readonly id: string;
  readonly type: AgentType;
  readonly name: string;
  readonly note?: string;
  readonly image?: string;
  /** Classifications, e.g. Wikidata entity IRIs or QIDs. */
  readonly classifiedAs?: readonly string[];
  readonly primaryLocation?: SpatialThing;
}
