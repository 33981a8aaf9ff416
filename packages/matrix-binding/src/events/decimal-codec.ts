/**
 * @module
 * Fractional numbers in Matrix event content. Matrix signs events over canonical JSON, which has
 * no floating-point numbers (integers in [-(2^53)+1, 2^53-1] only; homeservers answer `M_BAD_JSON`).
 * Domain values (a quorum of 0.5, a quantity of 2.5 kg) are written as `{"org.imago.decimal":"0.5"}`
 * on the wire and read back as numbers at the parsing boundary.
 */

/** The key of a tagged decimal. */
export const DECIMAL_KEY = 'org.imago.decimal';

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Encodes a JSON value for Matrix: every number that canonical JSON cannot hold becomes a tagged
 * decimal string.
 *
 * @param value - a JSON value (domain content).
 * @returns the value, safe to send as Matrix event content.
 */
export function encodeDecimals(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) <= SAFE ? value : { [DECIMAL_KEY]: String(value) };
  }
  if (Array.isArray(value)) return value.map(encodeDecimals);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, encodeDecimals(v)]),
    );
  }
  return value;
}

/**
 * Decodes tagged decimals back into numbers (the inverse of {@link encodeDecimals}). A tag whose
 * string is not a finite number is left as is, for the domain parser to reject with its path.
 *
 * @param value - JSON content as received.
 * @returns the value with numbers restored.
 */
export function decodeDecimals(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDecimals);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === DECIMAL_KEY && typeof entries[0][1] === 'string') {
      const number = Number(entries[0][1]);
      return entries[0][1].trim() !== '' && Number.isFinite(number) ? number : value;
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeDecimals(v)]));
  }
  return value;
}
