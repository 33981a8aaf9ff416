/**
 * The quantities, place and dates the bakery's records are written with.
 */
export const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });
export const loaves = (n: number) => ({ hasNumericalValue: n, hasUnit: 'unit-loaf' });
export const hours = (n: number) => ({ hasNumericalValue: n, hasUnit: 'hour' });
export const market = { id: 'place-market' };
export const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T08:00:00Z`;
