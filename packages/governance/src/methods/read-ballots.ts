/**
 * @module
 * Reads the ballot JSON that `belenios-tool method …` reads on standard input: an array of
 * arrays of integers, e.g. `[[1,3,2],[0,0,0]]`. A single pass over the bytes, straight into
 * {@link PackedBallots}: no intermediate JSON tree.
 */
import type { PackedBallots } from './ballots';
import { MalformedBallotsError } from './errors/malformed-ballots-error';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

function isSpace(byte: number): boolean {
  return byte === SPACE || byte === LF || byte === CR || byte === TAB;
}

function describe(bytes: Uint8Array, at: number): string {
  if (at >= bytes.length) return 'end of input';
  const byte = bytes[at]!;
  return byte >= 0x21 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16)}`;
}

function fail(bytes: Uint8Array, at: number, path: string, expected: string): never {
  throw new MalformedBallotsError(path, `expected ${expected}, found ${describe(bytes, at)}`);
}

/**
 * Reads ballots from JSON text or UTF-8 bytes.
 *
 * @param input - The JSON: an array of ballots, each an array of integers.
 * @returns The ballots, packed.
 * @throws {@link MalformedBallotsError} naming the path of the first offending value
 *   (`ballots`, `ballots[4]`, `ballots[4][2]`) if the input is not such an array.
 * @example
 * ```ts
 * const ballots = readBallots('[[1,2],[2,1]]');
 * ballots.count; // 2
 * ```
 */
export function readBallots(input: string | Uint8Array): PackedBallots {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return (bytes.length <= FAST_SCAN_LIMIT ? scanBallots(bytes) : undefined) ?? readBallotsStrictly(bytes);
}

/**
 * Reads ballots from JSON text or UTF-8 bytes: the former name of {@link readBallots}.
 *
 * @param input - The JSON: an array of ballots, each an array of integers.
 * @returns The ballots, packed.
 * @throws {@link MalformedBallotsError} as {@link readBallots}.
 * @deprecated Use {@link readBallots}: a `read*` function throws a typed error naming the path,
 *   a `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export function parseBallots(input: string | Uint8Array): PackedBallots {
  return readBallots(input);
}

/** Inputs up to this size are first read by {@link scanBallots}, which allocates by the input's size. */
const FAST_SCAN_LIMIT = 1 << 26;

/**
 * The fast path of {@link readBallots}: one tight loop, no error reporting. Returns the ballots
 * when the input is well-formed, undefined on anything unexpected (the strict parser then reads
 * the input again and names the error).
 */
export function scanBallots(bytes: Uint8Array): PackedBallots | undefined {
  const end = bytes.length;
  // A cell takes at least two bytes ("1,"), a ballot at least three ("[],").
  const cells = new Float64Array((end >> 1) + 2);
  const offsets = new Uint32Array(Math.floor(end / 3) + 2);
  let at = 0;
  let cellCount = 0;
  let ballotCount = 0;
  let c = bytes[at];
  while (c !== undefined && c <= SPACE) {
    if (!isSpace(c)) return undefined;
    c = bytes[++at];
  }
  if (c !== OPEN) return undefined;
  c = bytes[++at];
  while (c !== undefined && c <= SPACE) {
    if (!isSpace(c)) return undefined;
    c = bytes[++at];
  }
  // One loop reads both arrays: `inBallot` says whether the next item is a cell or a ballot, and
  // the same code reads what follows an item at either level (',' or the ']' closing its array).
  let inBallot = false;
  if (c === CLOSE) {
    c = bytes[++at];
  } else {
    items: for (;;) {
      if (inBallot) {
        let negative = false;
        if (c === MINUS) {
          negative = true;
          c = bytes[++at];
        }
        if (c === undefined || c < ZERO || c > NINE) return undefined;
        let value = c - ZERO;
        c = bytes[++at];
        if (value === 0) {
          if (c !== undefined && c >= ZERO && c <= NINE) return undefined;
        } else {
          while (c !== undefined && c >= ZERO && c <= NINE) {
            value = value * 10 + (c - ZERO);
            c = bytes[++at];
          }
          if (value > Number.MAX_SAFE_INTEGER) return undefined;
        }
        cells[cellCount++] = negative ? -value : value;
      } else {
        if (c !== OPEN) return undefined;
        offsets[ballotCount] = cellCount;
        inBallot = true;
        c = bytes[++at];
        while (c !== undefined && c <= SPACE) {
          if (!isSpace(c)) return undefined;
          c = bytes[++at];
        }
        if (c !== CLOSE) continue; // its first cell
      }
      for (;;) {
        while (c !== undefined && c <= SPACE) {
          if (!isSpace(c)) return undefined;
          c = bytes[++at];
        }
        if (c === COMMA) {
          c = bytes[++at];
          while (c !== undefined && c <= SPACE) {
            if (!isSpace(c)) return undefined;
            c = bytes[++at];
          }
          continue items;
        }
        if (c !== CLOSE) return undefined;
        c = bytes[++at];
        if (!inBallot) break items; // the list's end
        // A ballot's end: it is an item of the list, followed by ',' or the list's ']'.
        inBallot = false;
        ballotCount++;
      }
    }
  }
  while (c !== undefined && c <= SPACE) {
    if (!isSpace(c)) return undefined;
    c = bytes[++at];
  }
  if (at < end) return undefined;
  offsets[ballotCount] = cellCount;
  return {
    count: ballotCount,
    offsets: offsets.subarray(0, ballotCount + 1),
    cells: cells.subarray(0, cellCount),
  };
}

/**
 * Reads past what follows an item of an array on the careful path: spaces, then `,` and the spaces
 * after it, or the `]` that closes the array — so the array closed when the byte before the
 * position returned is `]`.
 */
function pastSeparator(bytes: Uint8Array, from: number, where: string): number {
  let at = from;
  while (at < bytes.length && isSpace(bytes[at]!)) at++;
  if (bytes[at] === CLOSE) return at + 1;
  if (bytes[at] !== COMMA) fail(bytes, at, where, "',' or ']'");
  at++;
  while (at < bytes.length && isSpace(bytes[at]!)) at++;
  return at;
}

/** The careful path of {@link readBallots}: names the first error. */
export function readBallotsStrictly(bytes: Uint8Array): PackedBallots {
  const end = bytes.length;
  // Every integer takes at least one digit and one separator: this bounds both arrays.
  const bound = (end >> 1) + 2;
  let cells = new Float64Array(Math.min(bound, 1 << 16));
  let offsets = new Uint32Array(Math.min(bound, 1 << 14));
  let cellCount = 0;
  let ballotCount = 0;
  let at = 0;

  while (at < end && isSpace(bytes[at]!)) at++;
  if (bytes[at] !== OPEN) fail(bytes, at, 'ballots', "'[' (an array of ballots)");
  at++;
  while (at < end && isSpace(bytes[at]!)) at++;
  if (bytes[at] === CLOSE) {
    at++;
  } else {
    for (;;) {
      // one ballot
      if (bytes[at] !== OPEN)
        fail(bytes, at, `ballots[${ballotCount}]`, "'[' (a ballot: an array of integers)");
      at++;
      if (ballotCount + 2 > offsets.length) {
        const grown = new Uint32Array(Math.min(bound, offsets.length * 2));
        grown.set(offsets);
        offsets = grown;
      }
      offsets[ballotCount] = cellCount;
      while (at < end && isSpace(bytes[at]!)) at++;
      if (bytes[at] === CLOSE) {
        at++;
      } else {
        for (;;) {
          let byte = bytes[at];
          let negative = false;
          if (byte === MINUS) {
            negative = true;
            byte = bytes[++at];
          }
          if (byte === undefined || byte < ZERO || byte > NINE) {
            fail(bytes, at, `ballots[${ballotCount}][${cellCount - offsets[ballotCount]!}]`, 'an integer');
          }
          const start = at;
          let value = 0;
          while (at < end) {
            const digit = bytes[at]! - ZERO;
            if (digit < 0 || digit > 9) break;
            value = value * 10 + digit;
            at++;
          }
          if (at - start > 1 && bytes[start] === ZERO) {
            at = start;
            fail(
              bytes,
              at,
              `ballots[${ballotCount}][${cellCount - offsets[ballotCount]!}]`,
              'an integer without leading zeros',
            );
          }
          const next = bytes[at];
          if (next === DOT || next === LOWER_E || next === UPPER_E)
            fail(bytes, at, `ballots[${ballotCount}][${cellCount - offsets[ballotCount]!}]`, 'an integer');
          if (!Number.isSafeInteger(value)) {
            at = start;
            fail(
              bytes,
              at,
              `ballots[${ballotCount}][${cellCount - offsets[ballotCount]!}]`,
              'an integer within ±(2^53 − 1)',
            );
          }
          if (cellCount === cells.length) {
            const grown = new Float64Array(Math.min(bound, cells.length * 2));
            grown.set(cells);
            cells = grown;
          }
          cells[cellCount++] = negative ? -value : value;
          at = pastSeparator(bytes, at, `ballots[${ballotCount}]`);
          if (bytes[at - 1] === CLOSE) break;
        }
      }
      ballotCount++;
      at = pastSeparator(bytes, at, 'ballots');
      if (bytes[at - 1] === CLOSE) break;
    }
  }
  while (at < end && isSpace(bytes[at]!)) at++;
  if (at < end) fail(bytes, at, 'ballots', 'end of input after the array of ballots');
  offsets[ballotCount] = cellCount;
  return {
    count: ballotCount,
    offsets: offsets.subarray(0, ballotCount + 1),
    cells: cells.subarray(0, cellCount),
  };
}
