/**
 * Reading ballot JSON: the fast scan and the strict parser agree with JSON.parse on what is a
 * ballot set, and every refusal is a MalformedBallotsError naming the path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packBallots } from './ballots';
import { MalformedBallotsError } from './errors/malformed-ballots-error';
import { parseBallots, readBallots, readBallotsStrictly, scanBallots } from './read-ballots';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * What a ballot set is, by JSON.parse: an array of arrays of safe integers, written as integers
 * (`1e0` and `1.0` are JSON numbers but not JSON integers; belenios-tool refuses them too).
 */
function isBallotSet(text: string): boolean {
  if (/[.eE]/.test(text)) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return (
    Array.isArray(value) && value.every((b) => Array.isArray(b) && b.every((x) => Number.isSafeInteger(x)))
  );
}

const plain = (packed: ReturnType<typeof readBallots>) =>
  Array.from({ length: packed.count }, (_, i) =>
    Array.from(packed.cells.subarray(packed.offsets[i]!, packed.offsets[i + 1]!)),
  );

describe('readBallots', () => {
  it('reads ballots with any JSON whitespace', () => {
    expect(plain(readBallots(' [ [1, 2 ,3] ,\n[ ] ,\t[-4]\r\n] '))).toEqual([[1, 2, 3], [], [-4]]);
    expect(readBallots('[]').count).toBe(0);
  });

  it.each([
    ['', 'ballots'],
    ['{"a":1}', 'ballots'],
    ['[1]', 'ballots[0]'],
    ['[[1],2]', 'ballots[1]'],
    ['[[1,2.5]]', 'ballots[0][1]'],
    ['[[1,"2"]]', 'ballots[0][1]'],
    ['[[1,1e3]]', 'ballots[0][1]'],
    ['[[01]]', 'ballots[0][0]'],
    ['[[1,]]', 'ballots[0][1]'],
    ['[[1 2]]', 'ballots[0]'],
    ['[[1]', 'ballots'],
    ['[[1]] x', 'ballots'],
    ['[[99999999999999999999]]', 'ballots[0][0]'],
  ])('refuses %j at %s', (text, path) => {
    expect(() => readBallots(text)).toThrow(
      expect.objectContaining({ code: MalformedBallotsError.code, path }),
    );
  });

  it('still answers to its former name, parseBallots', () => {
    expect(plain(parseBallots('[[1,2],[]]'))).toEqual([[1, 2], []]);
    expect(() => parseBallots('[[1,x]]')).toThrow(
      expect.objectContaining({ code: MalformedBallotsError.code, path: 'ballots[0][1]' }),
    );
  });

  const ballotSets = fc.array(fc.array(fc.integer({ min: -20, max: 1_000_000 }), { maxLength: 9 }), {
    maxLength: 20,
  });
  const whitespace = fc.constantFrom('', '', ' ', '\n', '\t', '\r\n  ');

  it('reads what JSON.stringify writes, however spaced, like packBallots', () => {
    fc.assert(
      fc.property(ballotSets, fc.array(whitespace, { minLength: 64, maxLength: 64 }), (ballots, spaces) => {
        let k = 0;
        const text = JSON.stringify(ballots).replace(
          /[[\],]/g,
          (t) => `${spaces[k++ % 64]}${t}${spaces[k++ % 64]}`,
        );
        const parsed = readBallots(text);
        expect(plain(parsed)).toEqual(ballots);
        expect(plain(parsed)).toEqual(plain(packBallots(ballots)));
      }),
    );
  });

  it('accepts exactly the ballot sets JSON.parse accepts, and refuses the rest with MalformedBallotsError', () => {
    const tokens = fc.constantFrom(
      '[',
      ']',
      ',',
      '1',
      '0',
      '-',
      '12',
      ' ',
      '.',
      'e',
      '"',
      '{',
      '}',
      'x',
      '\u0001',
    );
    const texts = fc.oneof(
      fc.array(tokens, { maxLength: 24 }).map((t) => t.join('')),
      fc.tuple(ballotSets, fc.nat(), tokens).map(([ballots, at, token]) => {
        const text = JSON.stringify(ballots);
        const i = at % (text.length + 1);
        return text.slice(0, i) + token + text.slice(i + 1);
      }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const fast = scanBallots(encode(text));
        let strict: ReturnType<typeof readBallots> | undefined;
        let error: unknown;
        try {
          strict = readBallotsStrictly(encode(text));
        } catch (caught) {
          error = caught;
        }
        if (isBallotSet(text)) {
          expect(strict && plain(strict)).toEqual(JSON.parse(text));
          expect(fast && plain(fast)).toEqual(JSON.parse(text));
        } else {
          expect(fast).toBeUndefined();
          expect(MalformedBallotsError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
