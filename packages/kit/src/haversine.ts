/**
 * @module
 * Great-circle distance by the haversine formula on a sphere of the mean Earth radius
 * (IUGG mean radius R1 = 6371.0088 km, Moritz, "Geodetic Reference System 1980").
 */

/** Mean Earth radius in kilometres (IUGG R1). */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

/**
 * Great-circle distance between two points given in decimal degrees, in kilometres.
 *
 * @param latA - latitude of the first point.
 * @param lonA - longitude of the first point.
 * @param latB - latitude of the second point.
 * @param lonB - longitude of the second point.
 * @returns the haversine distance on a sphere of radius {@link EARTH_MEAN_RADIUS_KM}.
 * @example
 * haversineDistanceKm(48.8566, 2.3522, 45.764, 4.8357); // ≈ 391.5 (Paris–Lyon)
 */
export function haversineDistanceKm(latA: number, lonA: number, latB: number, lonB: number): number {
  const sinLat = Math.sin(((latB - latA) * RADIANS) / 2);
  const sinLon = Math.sin(((lonB - lonA) * RADIANS) / 2);
  const h = sinLat * sinLat + Math.cos(latA * RADIANS) * Math.cos(latB * RADIANS) * sinLon * sinLon;
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
