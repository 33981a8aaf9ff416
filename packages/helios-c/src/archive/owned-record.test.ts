import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../encoding/sha256';
import { parseOwnedShuffle } from '../shuffle/shuffle';
import { parseOwned } from '../tally/partial-decryption';
import { parseOwnedRecord, serializeOwned } from './archive-steps';

const hash = sha256Hex('{"decryption_factors":[],"decryption_proofs":[]}');

describe('the owned record {"owner":N,"payload":"…"} (§4.4), written and read in one place', () => {
  it('reads back what serializeOwned writes, for shuffles and partial decryptions alike', () => {
    for (const owner of [1, 2, 17, Number.MAX_SAFE_INTEGER]) {
      const text = serializeOwned(owner, hash);
      expect(parseOwnedRecord(text)).toEqual({ ok: true, value: { owner, payload: hash } });
      expect(parseOwned(text)).toEqual(parseOwnedRecord(text));
      expect(parseOwnedShuffle(JSON.parse(text))).toEqual({ owner, payload: hash });
    }
  });

  it('refuses hostile records with a typed error naming the field', () => {
    const cases: readonly [string, string][] = [
      ['', '$'],
      ['{"owner":1,"payload":"', '$'],
      ['null', '$'],
      ['[1,"x"]', '$'],
      ['"owner"', '$'],
      [`{"payload":"${hash}"}`, '$.owner'],
      [`{"owner":0,"payload":"${hash}"}`, '$.owner'],
      [`{"owner":-1,"payload":"${hash}"}`, '$.owner'],
      [`{"owner":1.5,"payload":"${hash}"}`, '$.owner'],
      [`{"owner":"1","payload":"${hash}"}`, '$.owner'],
      [`{"owner":9007199254740993,"payload":"${hash}"}`, '$.owner'],
      [`{"owner":1e400,"payload":"${hash}"}`, '$.owner'],
      [`{"owner":null,"payload":"${hash}"}`, '$.owner'],
      ['{"owner":1}', '$.payload'],
      ['{"owner":1,"payload":1}', '$.payload'],
      [`{"owner":1,"payload":"${hash.toUpperCase()}"}`, '$.payload'],
      [`{"owner":1,"payload":"${hash.slice(1)}"}`, '$.payload'],
      [`{"owner":1,"payload":"${hash}0"}`, '$.payload'],
      [`{"owner":1,"payload":" ${hash}"}`, '$.payload'],
      [`{"__proto__":{"owner":1},"payload":"${hash}"}`, '$.owner'],
    ];
    for (const [text, path] of cases) {
      const parsed = parseOwnedRecord(text);
      expect(parsed.ok, text).toBe(false);
      if (parsed.ok) continue;
      expect({ text, code: parsed.error.code, path: parsed.error.path }).toEqual({
        text,
        code: 'MALFORMED_INPUT',
        path,
      });
    }
  });

  it('an owned shuffle that is not one throws MalformedShuffleError naming the field', () => {
    for (const [json, path] of [
      [null, ''],
      [{ owner: 0, payload: hash }, 'owner'],
      [{ owner: 1, payload: 'x' }, 'payload'],
    ] as const) {
      expect(() => parseOwnedShuffle(json)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_SHUFFLE', path }),
      );
    }
  });
});
