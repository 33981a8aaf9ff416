import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS_KM, haversineDistanceKm } from './haversine';

describe('haversine distance on the mean Earth radius', () => {
  it('one degree along the equator or a meridian is R·π/180 km', () => {
    const degree = (EARTH_MEAN_RADIUS_KM * Math.PI) / 180;
    expect(haversineDistanceKm(0, 0, 0, 1)).toBeCloseTo(degree, 9);
    expect(haversineDistanceKm(10, 7, 11, 7)).toBeCloseTo(degree, 9);
  });

  it('pole to pole is half the circumference; the date line is no edge', () => {
    expect(haversineDistanceKm(90, 0, -90, 0)).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_KM, 6);
    expect(haversineDistanceKm(0, 179.5, 0, -179.5)).toBeCloseTo(haversineDistanceKm(0, 0, 0, 1), 9);
  });

  it('is symmetric and zero on the same point', () => {
    expect(haversineDistanceKm(-33.8688, 151.2093, 51.5074, -0.1278)).toBe(
      haversineDistanceKm(51.5074, -0.1278, -33.8688, 151.2093),
    );
    expect(haversineDistanceKm(-33.8688, 151.2093, -33.8688, 151.2093)).toBe(0);
  });
});
