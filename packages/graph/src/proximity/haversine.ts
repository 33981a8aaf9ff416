/**
 * @module
 * Great-circle distance by the haversine formula on a sphere of the mean Earth radius
 * (IUGG mean radius R1 = 6371.0088 km, Moritz, "Geodetic Reference System 1980").
 */
import { EARTH_MEAN_RADIUS_KM, haversineDistanceKm } from '@imago/kit/haversine';
import type { Coordinates } from '../model/read-attributes';

export { EARTH_MEAN_RADIUS_KM };

/**
 * Great-circle distance between two points, in kilometres.
 *
 * @param a - First point (decimal degrees).
 * @param b - Second point (decimal degrees).
 * @returns The haversine distance on a sphere of radius {@link EARTH_MEAN_RADIUS_KM}.
 * @example
 * haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 45.7640, lon: 4.8357 }); // ≈ 391.5
 */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  return haversineDistanceKm(a.lat, a.lon, b.lat, b.lon);
}
