/**
 * @module
 * One text per JSON value, whatever the order of its object keys: keys sorted by UTF-16 code units
 * (the order of RFC 8785, the JSON Canonicalization Scheme, and of JavaScript's `<`), no
 * whitespace, strings and numbers as `JSON.stringify` writes them. For comparing two copies of a
 * value; not for hashing bytes received (hash those as they came).
 */

/** Ascending UTF-16 code unit order, never locale-dependent. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical JSON text of a value.
 *
 * Like `JSON.stringify`, it leaves out object properties whose value is `undefined` or a function
 * and writes them as `null` in arrays; unlike it, the key order of the input does not matter,
 * including integer-like keys (which JavaScript objects always enumerate first).
 *
 * @param value - a JSON value (objects, arrays, strings, finite numbers, booleans, `null`).
 * @returns its canonical text.
 * @example
 * canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' }); // '{"a":"x","b":[1,{"c":2,"d":1}]}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => (isOmitted(item) ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const object = value as Readonly<Record<string, unknown>>;
    const members = Object.keys(object)
      .filter((key) => !isOmitted(object[key]))
      .sort(compareKeys)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
