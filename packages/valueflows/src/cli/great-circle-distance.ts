/**
 * Great-circle distance between two WGS84 points (haversine formula, mean Earth radius
 * 6371.0088 km), the distance `imago-vf match` supplies to the matcher.
 *
 * @module
 */
import type { SpatialThing } from '../model/spatial-thing';

/**
 * Kilometres between two located things, or undefined when either has no coordinates.
 *
 * @param a - a location
 * @param b - another location
 * @returns the distance in km
 */
export function greatCircleKm(a: SpatialThing, b: SpatialThing): number | undefined {
  if (a.lat === undefined || a.long === undefined || b.lat === undefined || b.long === undefined)
    return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
