import { describe, expect, test } from 'vitest';
import { runElection } from '../../test/support/in-memory-election';
import { Ed25519Group } from '../groups/ed25519-group';
import { ed25519Groups } from '../groups/ed25519-groups';
import { finiteFieldGroups } from '../groups/finite-field-groups';
import { allGroups } from '../groups/group-by-name';
import { joinGroupRegistries } from '../groups/group-registry';
import { serializeResult } from '../tally/election-result';
import { verifyArchive } from './archive-verification';

const template = JSON.stringify({
  description: 'd',
  name: 'n',
  questions: [
    { answers: ['Yes', 'No'], blank: true, min: 1, max: 1, question: 'Q1' },
    { answers: ['A', 'B', 'C'], min: 1, max: 2, question: 'Q2' },
  ],
});

describe('an Ed25519 election run with helios-c alone verifies by its own laws', () => {
  test('ballots with blank votes and weights, tally, decryption, result', async () => {
    const voters = [
      { id: 'a', login: 'a', weight: 1n },
      { id: 'b', login: 'b', weight: 2n },
      { id: 'c', login: 'c', weight: 3n },
    ];
    const votes = [
      [
        [1, 0, 0],
        [1, 0, 0],
      ],
      [
        [0, 1, 0],
        [0, 1, 1],
      ],
      [
        [0, 0, 1],
        [1, 1, 0],
      ],
    ];
    const { bytes, result } = runElection(new Ed25519Group(), template, voters, votes);
    expect(result && serializeResult(result)).toBe('{"result":[[1,2,3],[4,5,2]]}');
    const report = await verifyArchive(bytes, { groups: allGroups });
    expect(report.issues).toEqual([]);
    expect(report.result && serializeResult(report.result)).toBe('{"result":[[1,2,3],[4,5,2]]}');
    // A registry the caller fills: the finite fields joined with Ed25519 accept it too…
    const joined = await verifyArchive(bytes, {
      groups: joinGroupRegistries(finiteFieldGroups, ed25519Groups),
    });
    expect(joined.issues).toEqual([]);
    // …and the finite fields alone (the default of the finite-field entry point) refuse its setup.
    const finiteOnly = await verifyArchive(bytes);
    expect(finiteOnly.issues.map((issue) => issue.check)).toEqual(['setup.malformed']);
  });
});
