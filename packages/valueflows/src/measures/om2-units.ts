/**
 * OM2 units, read from the generated data file `data/om2-units.json` (CC-BY-SA-4.0, derived
 * from the ValueFlows curated unit list by `scripts/generate-data.ts`).
 *
 * @module
 */
import data from '#data/om2-units.json' with { type: 'json' };

/** An OM2 unit and, where OM2 defines one, its conversion to a root unit. */
export interface Om2Unit {
  /** OM2 local name, e.g. `kilogram`; the IRI is {@link OM2_NAMESPACE} + id. */
  readonly id: string;
  readonly label: string;
  readonly symbol: string;
  /** Quantity kind, e.g. `mass`, `length`, `time`, `one` (may be empty). */
  readonly dimension: string;
  /** The unit all units of this conversion family are expressed in. */
  readonly root?: string;
  /** How many root units one of this unit makes. */
  readonly factor?: number;
}

/** The OM2 namespace. */
export const OM2_NAMESPACE = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

const units = (data as unknown as { units: Om2Unit[] }).units;
const byId = new Map<string, Om2Unit>(units.map((u) => [u.id, u]));

/**
 * Looks up an OM2 unit of the ValueFlows unit list.
 *
 * @param id - OM2 local name or IRI
 * @returns the unit, or undefined when the list does not have it
 */
export function getUnit(id: string): Om2Unit | undefined {
  return byId.get(normalizeUnitId(id));
}

/**
 * All units of the list, in list order.
 *
 * @returns the units
 */
export function listUnits(): readonly Om2Unit[] {
  return units;
}

/**
 * Shortens an OM2 IRI (`http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram`) or
 * CURIE (`om2:kilogram`) to its local name; other identifiers are returned unchanged.
 *
 * @param id - a unit identifier
 * @returns the local name
 */
export function normalizeUnitId(id: string): string {
  if (id.startsWith(OM2_NAMESPACE)) return id.slice(OM2_NAMESPACE.length);
  if (id.startsWith('om2:')) return id.slice(4);
  if (id.startsWith('om:')) return id.slice(3);
  return id;
}
