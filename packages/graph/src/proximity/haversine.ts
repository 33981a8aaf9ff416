/**
 * @module
 * Great-circle distance by the haversine formula on a sphere of the mean Earth radius
 * (IUGG mean radius R1 = 6371.0088 km, Moritz, "Geodetic Reference System 1980").
 */
import type { Coordinates } from '../model/read-attributes';

/** Mean Earth radius in kilometres (IUGG R1). */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

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
  const sinLat = Math.sin(((b.lat - a.lat) * RADIANS) / 2);
  const sinLon = Math.sin(((b.lon - a.lon) * RADIANS) / 2);
  const h = sinLat * sinLat + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * sinLon * sinLon;
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
