/**
 * Every defect belenios-tool rejects is rejected, with the failed check and its location:
 * each case alters one thing in a reference archive (re-laid out so that only that defect
 * remains), and belenios-tool, the oracle, must reject the same archive.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBallot } from '../../src/ballot/ballot';
import { generateSecretCredential } from '../../src/credentials/secret-credential';
import { sha256Base64 } from '../../src/encoding/sha256';
import { verifyArchive } from '../../src/verify/archive-verification';
import type { CheckName } from '../../src/verify/verification-issue';
import { type Entry, entriesOf, layOut, payloadIndex } from '../support/archive-surgery';
import {
  bump,
  credentialOfFirstBallot,
  credentialOutsideTheGroup,
  editFirstBallot,
  electionOf,
  firstBallot,
  original,
  relink,
  resign,
  uuid,
} from '../support/h-2048-tampering';
import { belenios, requireBeleniosTool } from '../support/tools';

interface Case {
  readonly name: string;
  readonly check: CheckName;
  readonly where?: string;
  readonly make: () => Uint8Array;
  /** False where belenios-tool 2.0 does not notice the defect (helios-c is stricter). */
  readonly oracleRejects?: boolean;
}

const cases: Case[] = [
  {
    name: 'altered challenge of an individual proof',
    check: 'ballot.individual_proof',
    where: '$.answers[0].individual_proofs[0]',
    make: () =>
      editFirstBallot(entriesOf(original), (json) => {
        json.answers[0].individual_proofs[0][0].challenge = bump(
          json.answers[0].individual_proofs[0][0].challenge,
        );
      }),
  },
  {
    name: 'altered response of an overall proof',
    check: 'ballot.overall_proof',
    where: '$.answers[1].overall_proof',
    make: () =>
      editFirstBallot(entriesOf(original), (json) => {
        json.answers[1].overall_proof[1].response = bump(json.answers[1].overall_proof[1].response);
      }),
  },
  {
    name: 'altered signature',
    check: 'ballot.signature',
    make: () => {
      const entries = entriesOf(original);
      const { index, json } = firstBallot(entries);
      json.signature.proof.response = bump(json.signature.proof.response);
      (entries[index] as Entry).text = JSON.stringify(json);
      return layOut(entries);
    },
  },
  {
    name: 'ciphertext element outside the group',
    check: 'ballot.malformed',
    where: '$.answers[0].choices[1].beta',
    make: () => {
      const entries = entriesOf(original);
      const { index, json } = firstBallot(entries);
      const p = electionOf(entries).group as unknown as { p: bigint };
      json.answers[0].choices[1].beta = (p.p - 1n).toString();
      (entries[index] as Entry).text = JSON.stringify(json);
      return layOut(entries);
    },
  },
  {
    name: 'swapped ciphertexts (re-signed by the voter)',
    check: 'ballot.individual_proof',
    make: () => {
      const entries = entriesOf(original);
      const election = electionOf(entries);
      const index = payloadIndex(entries, 'Ballot', 0);
      const credential = credentialOfFirstBallot(entries);
      const parsed = parseBallot(election, (entries[index] as Entry).text);
      if (!parsed.ok) throw parsed.error;
      const answers = parsed.value.answers.map((a, i) =>
        i === 1 && a.kind === 'homomorphic'
          ? { ...a, choices: [a.choices[1], a.choices[0], ...a.choices.slice(2)] as typeof a.choices }
          : a,
      );
      (entries[index] as Entry).text = resign(election, { ...parsed.value, answers }, credential);
      return layOut(entries);
    },
  },
  {
    name: 'wrong election hash',
    check: 'ballot.election_hash',
    make: () => {
      const entries = entriesOf(original);
      const { index, json } = firstBallot(entries);
      json.election_hash = sha256Base64('another election');
      (entries[index] as Entry).text = JSON.stringify(json);
      return layOut(entries);
    },
  },
  {
    name: 'credential not in the election',
    check: 'ballot.credential',
    make: () => {
      const entries = entriesOf(original);
      const election = electionOf(entries);
      const index = payloadIndex(entries, 'Ballot', 0);
      const parsed = parseBallot(election, (entries[index] as Entry).text);
      if (!parsed.ok) throw parsed.error;
      (entries[index] as Entry).text = resign(election, parsed.value, generateSecretCredential());
      return layOut(entries);
    },
  },
  {
    name: 'public credential outside the group, used by no ballot',
    check: 'setup.credentials',
    where: 'credentials[',
    make: () => credentialOutsideTheGroup(false),
  },
  {
    name: 'public credential outside the group, used by a ballot',
    check: 'setup.credentials',
    where: 'credentials[',
    make: () => credentialOutsideTheGroup(true),
  },
  {
    name: 'broken hash chain',
    check: 'archive.chain',
    make: () => {
      const entries = entriesOf(original);
      const events = entries.filter((e) => e.kind === 'event');
      const third = events[3] as Entry;
      const json = JSON.parse(third.text);
      json.parent = '0'.repeat(64);
      third.text = JSON.stringify(json);
      return layOut(entries, { fixReferences: false });
    },
  },
  {
    name: 'file not named after its content',
    check: 'archive.file_hash',
    make: () => {
      const bytes = original.slice();
      // Flip one digit inside the first ballot's text, keeping its old name.
      const text = new TextDecoder().decode(bytes);
      const at = text.indexOf('"individual_proofs":[[{"challenge":"') + 40;
      bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
      return bytes;
    },
  },
  {
    name: 'replayed ballot',
    check: 'ballot.duplicate',
    make: () => {
      const entries = entriesOf(original);
      const events = entries.filter((e) => e.kind === 'event');
      const firstBallotEvent = JSON.parse((events[1] as Entry).text);
      const endBallots = entries.findIndex(
        (e) => e.kind === 'event' && JSON.parse(e.text).type === 'EndBallots',
      );
      const replay: Entry = {
        kind: 'event',
        text: JSON.stringify({ parent: 'X', height: 0, type: 'Ballot', payload: firstBallotEvent.payload }),
      };
      entries.splice(endBallots, 0, replay);
      return relink(entries);
    },
  },
  {
    name: 'malformed JSON deep inside a ballot',
    check: 'ballot.malformed',
    where: '$.answers[1].overall_proof[0].response',
    make: () => {
      const entries = entriesOf(original);
      const { index, json } = firstBallot(entries);
      delete json.answers[1].overall_proof[0].response;
      (entries[index] as Entry).text = JSON.stringify(json);
      return layOut(entries);
    },
  },
  {
    name: 'altered encrypted tally',
    check: 'tally.encrypted_tally',
    // belenios-tool recomputes the tally from the ballots and does not compare it with the
    // published one; a published tally that is not the product of the ballots is still wrong.
    oracleRejects: false,
    make: () => {
      const entries = entriesOf(original);
      const i = entries.findIndex((e) => e.kind === 'data' && e.text.startsWith('[[{"alpha"'));
      const tally = JSON.parse((entries[i] as Entry).text);
      [tally[0][0], tally[0][1]] = [tally[0][1], tally[0][0]];
      (entries[i] as Entry).text = JSON.stringify(tally);
      return layOut(entries);
    },
  },
  {
    name: 'altered partial decryption',
    check: 'decryption.proof',
    make: () => {
      const entries = entriesOf(original);
      const i = entries.findIndex((e) => e.kind === 'data' && e.text.startsWith('{"decryption_factors"'));
      const pd = JSON.parse((entries[i] as Entry).text);
      pd.decryption_proofs[1][0].challenge = bump(pd.decryption_proofs[1][0].challenge);
      (entries[i] as Entry).text = JSON.stringify(pd);
      return layOut(entries);
    },
  },
  {
    name: 'altered result',
    check: 'result.value',
    make: () => {
      const entries = entriesOf(original);
      const i = payloadIndex(entries, 'Result', 0);
      const result = JSON.parse((entries[i] as Entry).text);
      result.result[0][0] += 1;
      result.result[0][1] -= 1;
      (entries[i] as Entry).text = JSON.stringify(result);
      return layOut(entries);
    },
  },
];

describe('tampered archives are rejected with the failed check, as belenios-tool rejects them', () => {
  test('the untouched archive is valid', async () => {
    expect((await verifyArchive(layOut(entriesOf(original)))).issues).toEqual([]);
  });
  for (const c of cases) {
    test.concurrent(c.name, async () => {
      requireBeleniosTool();
      const bytes = c.make();
      const report = await verifyArchive(bytes);
      expect(report.ok).toBe(false);
      expect(report.issues[0]?.check).toBe(c.check);
      if (c.where) expect(report.issues[0]?.where).toContain(c.where);
      const dir = mkdtempSync(join(tmpdir(), 'helios-c-bad-'));
      writeFileSync(join(dir, `${uuid}.bel`), bytes);
      const oracle = await belenios(['election', 'verify'], dir);
      if (c.oracleRejects === false) expect(oracle.code).toBe(0);
      else expect(oracle.code, 'belenios-tool must reject it too').not.toBe(0);
    }, 60_000);
  }
});
