/**
 * @module
 * JSON with sorted object keys: two contents that say the same thing give the same text, to
 * compare them (never to hash them: hashes are over the bytes as received). Pure.
 */

/**
 * Serialises a JSON value with its object keys sorted.
 *
 * @param value - a JSON value.
 * @returns its text with sorted keys.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
