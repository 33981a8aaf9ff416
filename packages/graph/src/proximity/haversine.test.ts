import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS_KM, haversineKm } from './haversine';

describe('haversine on the mean Earth radius', () => {
  it('uses R = 6371.0088 km', () => {
    expect(EARTH_MEAN_RADIUS_KM).toBe(6371.0088);
  });

  it('one degree of the equator is R·π/180 = 111.19508023353… km', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.1950802335329, 9);
    expect(haversineKm({ lat: 10, lon: 7 }, { lat: 11, lon: 7 })).toBeCloseTo(111.1950802335329, 9);
  });

  it('pole to pole is half the circumference, and antipodes across the date line too', () => {
    expect(haversineKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * 6371.0088, 6);
    expect(haversineKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -0.5 })).toBeCloseTo(Math.PI * 6371.0088, 6);
    expect(haversineKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.1950802335329, 9);
  });

  it('Paris (48.856667, 2.352222) to Lyon (45.758889, 4.841389): 392.2134250338285 km (computed independently)', () => {
    expect(haversineKm({ lat: 48.856667, lon: 2.352222 }, { lat: 45.758889, lon: 4.841389 })).toBeCloseTo(
      392.2134250338285,
      9,
    );
  });

  it('is symmetric and zero on the same point', () => {
    const a = { lat: -33.8688, lon: 151.2093 };
    const b = { lat: 51.5074, lon: -0.1278 };
    expect(haversineKm(a, b)).toBe(haversineKm(b, a));
    expect(haversineKm(a, a)).toBe(0);
  });
});
