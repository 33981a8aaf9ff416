import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonReader, fieldPath, type JsonProblem } from './json-reader';

class Rejected {
  constructor(readonly problem: JsonProblem) {}
}

const reader = createJsonReader({
  limits: { stringLength: 8, items: 3 },
  reject: (problem) => new Rejected(problem),
});

/** The problem a read rejects with (`undefined` when it accepts). */
function problemOf(read: () => unknown): Pick<JsonProblem, 'path' | 'code'> | undefined {
  try {
    read();
    return undefined;
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    return { path: error.problem.path, code: error.problem.code };
  }
}

describe('the JSON reader, bound to an error and limits', () => {
  it('returns the values it accepts', () => {
    expect(reader.readObject({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(reader.readString('abc', 'x')).toBe('abc');
    expect(reader.readOptionalString(undefined, 'x')).toBeUndefined();
    expect(reader.readInteger(3, 'x', 0, 3)).toBe(3);
    expect(reader.readNumber(0.5, 'x', 0, 1)).toBe(0.5);
    expect(reader.readBoolean(false, 'x')).toBe(false);
    expect(reader.readEnum('b', 'x', ['a', 'b'])).toBe('b');
    expect(reader.readDateTime('2026-03-01T10:00:00Z', 'x')).toBe('2026-03-01T10:00:00Z');
    expect(reader.readStringList(['a', 'b'], 'x')).toEqual(['a', 'b']);
  });

  it('names the path and the kind of every rejection', () => {
    expect(problemOf(() => reader.readObject([], 'content'))).toEqual({
      path: 'content',
      code: 'expected-object',
    });
    expect(problemOf(() => reader.readArray({}, 'a'))).toEqual({ path: 'a', code: 'expected-array' });
    expect(problemOf(() => reader.readString('', 's'))).toEqual({ path: 's', code: 'expected-string' });
    expect(problemOf(() => reader.readNumber(Number.NaN, 'n'))).toEqual({
      path: 'n',
      code: 'expected-number',
    });
    expect(problemOf(() => reader.readNumber(2, 'n', 0, 1))).toEqual({ path: 'n', code: 'out-of-range' });
    expect(problemOf(() => reader.readInteger(1.5, 'i', 0))).toEqual({ path: 'i', code: 'expected-integer' });
    expect(problemOf(() => reader.readInteger(-1, 'i', 0))).toEqual({ path: 'i', code: 'out-of-range' });
    expect(problemOf(() => reader.readBoolean('true', 'b'))).toEqual({ path: 'b', code: 'expected-boolean' });
    expect(problemOf(() => reader.readEnum('c', 'e', ['a', 'b']))).toEqual({
      path: 'e',
      code: 'not-allowed',
    });
    expect(problemOf(() => reader.readDateTime('soon', 'd'))).toEqual({
      path: 'd',
      code: 'expected-date-time',
    });
    expect(problemOf(() => reader.readStringList(['a', 7], 'l'))).toEqual({
      path: 'l[1]',
      code: 'expected-string',
    });
    expect(problemOf(() => reader.rejectUnknownKeys({ a: 1, typo: 2 }, 'o', ['a']))).toEqual({
      path: 'o.typo',
      code: 'unknown-field',
    });
    expect(problemOf(() => reader.fail('x', 'a rule of the package'))).toEqual({
      path: 'x',
      code: 'invalid',
    });
  });

  it('holds the limits it was bound with, unless a call states its own', () => {
    expect(problemOf(() => reader.readString('123456789', 's'))).toEqual({ path: 's', code: 'too-long' });
    expect(reader.readString('123456789', 's', 9)).toBe('123456789');
    expect(problemOf(() => reader.readArray([1, 2, 3, 4], 'a'))).toEqual({
      path: 'a',
      code: 'too-many-items',
    });
    expect(reader.readArray([1, 2, 3, 4], 'a', 4)).toHaveLength(4);
    expect(problemOf(() => reader.readStringList(['a', 'b', 'c', 'd'], 'l'))).toEqual({
      path: 'l',
      code: 'too-many-items',
    });
  });

  it('writes field paths from the root or below it', () => {
    expect(fieldPath('', 'id')).toBe('id');
    expect(fieldPath('content.rows[2]', 'protocol')).toBe('content.rows[2].protocol');
  });

  it('accepts or rejects any JSON value, and throws nothing but the bound error', () => {
    const reads = [
      (v: unknown) => reader.readObject(v, '$'),
      (v: unknown) => reader.readArray(v, '$'),
      (v: unknown) => reader.readString(v, '$'),
      (v: unknown) => reader.readNumber(v, '$', -1, 1),
      (v: unknown) => reader.readInteger(v, '$', 0, 10),
      (v: unknown) => reader.readEnum(v, '$', ['a']),
      (v: unknown) => reader.readDateTime(v, '$'),
      (v: unknown) => reader.readStringList(v, '$'),
    ];
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(reads.length - 1), (value, index) => {
        problemOf(() => reads[index]!(value));
      }),
    );
  });
});
