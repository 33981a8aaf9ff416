/**
 * `vf:ResourceSpecification` (ValueFlows 1.0 knowledge layer).
 *
 * @module
 */

/** The kind of a resource, whether or not any resource of that kind is inventoried. */
export interface ResourceSpecification {
  readonly id: string;
  readonly name: string;
  readonly note?: string;
  readonly image?: string;
  /** Classifications: taxonomy IRIs, Wikidata QIDs, or tags. */
  readonly resourceClassifiedAs?: readonly string[];
  /** OM2 unit identifier used for the resource itself. */
  readonly defaultUnitOfResource?: string;
  /** OM2 unit identifier used for work, use or citation of it. */
  readonly defaultUnitOfEffort?: string;
  /** True for currencies, tokens, credits and other media of exchange. */
  readonly mediumOfExchange?: boolean;
  readonly substitutable?: boolean;
}
