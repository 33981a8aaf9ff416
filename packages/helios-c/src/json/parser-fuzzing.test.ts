import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readArchive } from '../archive/archive';
import { parseBallot } from '../ballot/ballot';
import { parsePublicCredentials } from '../credentials/public-credentials';
import { parseElection } from '../election/election';
import { MalformedInputError } from '../errors/malformed-input-error';
import { groupByName } from '../groups/group-by-name';
import { parseResult } from '../tally/election-result';
import { parseEncryptedTally } from '../tally/encrypted-tally';
import { parsePartialDecryption } from '../tally/partial-decryption';
import { parseTrustees } from '../trustees/trustees';
import { verifyBallot } from '../verify/ballot-verification';

const dir = new URL('../../test/vectors/belenios/h-2048', import.meta.url).pathname;
const archiveBytes = new Uint8Array(readFileSync(`${dir}/bj5fpu5xwBZxHd.bel`));
const archive = readArchive(archiveBytes);
if (!archive.ok) throw archive.error;
const electionEvent = archive.value.events[0];
const setup = JSON.parse(new TextDecoder().decode(archive.value.data.get(electionEvent?.payload as string)));
const electionText = new TextDecoder().decode(archive.value.data.get(setup.election));
const parsedElection = parseElection(electionText);
if (!parsedElection.ok) throw parsedElection.error;
const election = parsedElection.value;
const ballotEvent = archive.value.events.find((e) => e.type === 'Ballot');
const ballotText = new TextDecoder().decode(archive.value.data.get(ballotEvent?.payload as string));
const group = groupByName('BELENIOS-2048') as NonNullable<ReturnType<typeof groupByName>>;

/** Mutations of a JSON text: replace, delete or insert characters, or replace a sub-value. */
function mutated(text: string): fc.Arbitrary<string> {
  const value = JSON.parse(text);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  const replaceValue = fc
    .tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }))
    .map(([path, replacement]) => {
      const copy = JSON.parse(text);
      if (path.length === 0) return JSON.stringify(replacement);
      let target = copy;
      for (const k of path.slice(0, -1)) target = target[k];
      const last = path.at(-1) as string | number;
      if (replacement === undefined) delete target[last];
      else target[last] = replacement;
      return JSON.stringify(copy);
    });
  const editChars = fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }))
    .map(([at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove));
  return fc.oneof(replaceValue, editChars);
}

function typedOrOk(run: () => { ok: boolean; error?: unknown }): void {
  const r = run();
  if (!r.ok) expect(r.error).toBeInstanceOf(MalformedInputError);
}

describe('parsers never crash on untrusted input: a value or a MalformedInputError with a path', () => {
  test('ballots (and full ballot verification)', () => {
    fc.assert(
      fc.property(mutated(ballotText), (text) => {
        typedOrOk(() => parseBallot(election, text));
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(mutated(ballotText), (text) => {
        const checked = verifyBallot(election, text, () => true);
        if (!checked.ok) expect(checked.rejection.path).toMatch(/^\$/);
      }),
      { numRuns: 8 },
    );
  }, 60_000);
  test('elections', () => {
    fc.assert(
      fc.property(mutated(electionText), (text) => typedOrOk(() => parseElection(text))),
      { numRuns: 60 },
    );
  });
  test('other structures, from arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        typedOrOk(() => parseTrustees(group, text));
        typedOrOk(() => parsePublicCredentials(group, text));
        typedOrOk(() => parseEncryptedTally(group, text));
        typedOrOk(() => parsePartialDecryption(group, text));
        typedOrOk(() => parseResult(text));
        typedOrOk(() => parseElection(text));
      }),
      { numRuns: 200 },
    );
  });
  test('archives with corrupted bytes', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: archiveBytes.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.nat({ max: archiveBytes.length }),
        (at, byte, cut) => {
          const bytes = archiveBytes.slice(0, Math.max(cut, at + 1));
          bytes[at] = byte;
          const r = readArchive(bytes);
          if (!r.ok) expect(r.error.code).toMatch(/^(INVALID_ARCHIVE|MALFORMED_INPUT)$/);
        },
      ),
      { numRuns: 100 },
    );
  });
});
