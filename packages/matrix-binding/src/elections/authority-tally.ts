/**
 * @module
 * The authority's tally stage of a decision's election, once voting has ended, in Belenios 2.0's
 * order: it posts the encrypted tally; on a non-homomorphic question it shuffles itself when the
 * table makes it the only trustee, and ends the shuffles once as many member trustees as must
 * decrypt have shuffled; it posts its own partial decryption (trustee 1), then the result once
 * enough member trustees decrypted, naming the partial decryptions it combines (so that every
 * homeserver's copy of the room rebuilds the same archive). Each step is derived from the room and
 * taken once.
 */
import type { SecretElectionParameters } from '@imago/governance';
import type { ArchiveStep } from '@imago/helios-c';
import type { ActivityPlace, RoleMachinery } from './election-role';
import { decryptionOwners, owners, type SecretBallotReplay } from './election-state';
import { encryptedTallyStep, partialDecryptionStep, resultStep, shuffleStep } from './election-steps';
import { postStep, type ResultOptions } from './secret-ballot-actions';

/**
 * @internal Takes the authority's next step of an election whose voting has ended (phase `ended`
 * or `tallied`).
 *
 * @param role - the authority's machinery.
 * @param at - the room, the decision and the election.
 * @param election - the election, as replayed.
 * @param parameters - the decision's election parameters.
 * @param secretKey - the authority's trustee secret key (decimal, as prepared).
 */
export async function tallyElection(
  role: RoleMachinery,
  at: ActivityPlace,
  election: SecretBallotReplay,
  parameters: SecretElectionParameters,
  secretKey: string,
): Promise<void> {
  const { report, once } = role;
  const post = (step: ArchiveStep, fields?: ResultOptions) =>
    postStep(role.client, at.roomId, election.election, step, fields);
  if (election.phase === 'ended') {
    if (await once(`EncryptedTally:${election.election}`, () => post(encryptedTallyStep(election))))
      report({
        ...at,
        step: 'EncryptedTally',
        detail: `encrypted tally of ${election.steps.filter((s) => s.type === 'Ballot').length} ballot(s)`,
      });
    return;
  }
  const members = parameters.trustees.members;
  const needed = parameters.trustees.threshold ?? members.length;
  if (!parameters.homomorphic && !election.steps.some((s) => s.type === 'EndShuffles')) {
    const shuffled = owners(election, 'Shuffle');
    if (members.length === 0 && !shuffled.has(1)) {
      if (await once(`Shuffle:${election.election}`, () => post(shuffleStep(election, 1))))
        report({ ...at, step: 'Shuffle', detail: 'shuffled as the only trustee' });
      return;
    }
    const done = members.length === 0 ? 1 : members.filter((_, i) => shuffled.has(i + 2)).length;
    if (done >= Math.max(needed, 1)) {
      if (await once(`EndShuffles:${election.election}`, () => post({ type: 'EndShuffles', data: [] })))
        report({ ...at, step: 'EndShuffles', detail: `${done} trustee(s) shuffled` });
    }
    return;
  }
  const decrypted = owners(election, 'PartialDecryption');
  if (!decrypted.has(1)) {
    const key = BigInt(secretKey);
    if (
      await once(`PartialDecryption:${election.election}`, () =>
        post(partialDecryptionStep(election, 1, key)),
      )
    )
      report({ ...at, step: 'PartialDecryption', detail: 'the authority’s partial decryption' });
    return;
  }
  if (members.filter((_, i) => decrypted.has(i + 2)).length >= needed) {
    const combined = { decryptions: decryptionOwners(election) };
    if (await once(`Result:${election.election}`, () => post(resultStep(election), combined)))
      report({ ...at, step: 'Result', detail: 'the result, from the trustees’ partial decryptions' });
  }
}
