/**
 * Great-circle distance between two WGS84 points (haversine formula, mean Earth radius
 * 6371.0088 km), the distance `imago-vf match` supplies to the matcher.
 *
 * @module
 */
import { haversineDistanceKm } from '@imago/kit/haversine';
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
  return haversineDistanceKm(a.lat, a.long, b.lat, b.long);
}
