/**
 * @module
 * The layout of a serialised graph's JSON bytes, found without parsing them: the byte range of
 * each top-level member's value and, in arrays, cut points between elements about every
 * `chunkBytes` (a megabyte for `readCompactGraph`). A reader can then parse a huge `edges`
 * array piece by piece, so that the whole JSON tree never exists at once.
 *
 * The scan only follows structure (strings, nesting, separators); the pieces are checked by
 * `JSON.parse`. Whatever the scan does not recognise — or any doubt, such as a repeated
 * member — makes it answer `undefined`, and the caller parses the whole text instead.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Where a top-level member's value is. */
export interface MemberValue {
  /** First byte of the value. */
  start: number;
  /** One past its last byte. */
  end: number;
  /**
   * For an array: positions of element-separating commas, about `chunkBytes` apart, so that
   * each range between them (brackets and cut commas excluded) holds whole elements.
   */
  cuts: number[];
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipWhitespace(bytes: Uint8Array, i: number): number {
  while (isWhitespace(bytes[i])) i++;
  return i;
}

/** From an opening quote, the index after the closing one; −1 if the string does not end. */
function skipString(bytes: Uint8Array, i: number): number {
  // A backslash escapes the next byte only (in \uXXXX, the next byte is "u").
  for (let at = i + 1; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === QUOTE) return at + 1;
    if (byte === BACKSLASH) at++;
  }
  return -1;
}

/**
 * From the first byte of a value, the index after it; −1 if it is cut short. For an array,
 * element-separating commas at least `chunkBytes` after the previous cut are pushed on `cuts`.
 */
function skipValue(bytes: Uint8Array, i: number, chunkBytes: number, cuts: number[]): number {
  const first = bytes[i];
  if (first === QUOTE) return skipString(bytes, i);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    // A number, true, false or null: up to the next separator (JSON.parse checks it).
    let at = i;
    while (at < bytes.length) {
      const byte = bytes[at]!;
      if (byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_ARRAY || isWhitespace(byte)) break;
      at++;
    }
    return at > i ? at : -1;
  }
  const isArray = first === OPEN_ARRAY;
  let depth = 0;
  let lastCut = i;
  for (let at = i; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (byte === QUOTE) {
      const after = skipString(bytes, at);
      if (after < 0) return -1;
      at = after - 1;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
    else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
      // The outer brackets are left out of the pieces JSON.parse checks: they must match here.
      if (depth === 0) return byte === (isArray ? CLOSE_ARRAY : CLOSE_OBJECT) ? at + 1 : -1;
    } else if (byte === COMMA && isArray && depth === 1 && at - lastCut >= chunkBytes) {
      cuts.push(at);
      lastCut = at;
    }
  }
  return -1;
}

/**
 * Scan the top-level object of a serialised graph's JSON bytes.
 *
 * @param bytes - UTF-8 JSON (after any byte-order mark).
 * @param chunkBytes - Approximate size of the pieces arrays are cut into.
 * @returns Each member's decoded name and value range, or `undefined` when the bytes are not
 *   plainly one JSON object with distinct member names (the caller then parses them whole).
 */
export function scanGraphJson(bytes: Uint8Array, chunkBytes: number): Map<string, MemberValue> | undefined {
  const decoder = new TextDecoder();
  const members = new Map<string, MemberValue>();
  let i = skipWhitespace(bytes, 0);
  if (bytes[i] !== OPEN_OBJECT) return undefined;
  i = skipWhitespace(bytes, i + 1);
  if (bytes[i] === CLOSE_OBJECT) return skipWhitespace(bytes, i + 1) === bytes.length ? members : undefined;
  for (;;) {
    if (bytes[i] !== QUOTE) return undefined;
    const nameEnd = skipString(bytes, i);
    if (nameEnd < 0) return undefined;
    let name: unknown;
    try {
      name = JSON.parse(decoder.decode(bytes.subarray(i, nameEnd)));
    } catch {
      return undefined;
    }
    if (typeof name !== 'string' || members.has(name)) return undefined;
    i = skipWhitespace(bytes, nameEnd);
    if (bytes[i] !== COLON) return undefined;
    const start = skipWhitespace(bytes, i + 1);
    const cuts: number[] = [];
    const end = skipValue(bytes, start, chunkBytes, cuts);
    if (end < 0) return undefined;
    members.set(name, { start, end, cuts });
    i = skipWhitespace(bytes, end);
    if (bytes[i] === CLOSE_OBJECT) return skipWhitespace(bytes, i + 1) === bytes.length ? members : undefined;
    if (bytes[i] !== COMMA) return undefined;
    i = skipWhitespace(bytes, i + 1);
  }
}
