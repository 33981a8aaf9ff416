/**
 * `vf:SpatialThing` — a place (ValueFlows 1.0, a subclass of `geo:SpatialThing`).
 *
 * @module
 */

/** A location: an identifier, and optionally WGS84 coordinates or a mappable address. */
export interface SpatialThing {
  readonly id?: string;
  readonly name?: string;
  readonly lat?: number;
  readonly long?: number;
  readonly alt?: number;
  readonly mappableAddress?: string;
  readonly note?: string;
}
