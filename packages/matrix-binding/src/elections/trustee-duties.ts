/**
 * @module
 * A member trustee's duties in a decision's election, from its own client: before the Setup, its
 * key-establishment steps as the room allows (`dueContribution`), its key or seed kept in its store
 * before the first is posted; after the encrypted tally, on a non-homomorphic question, its shuffle
 * in its turn (member trustees shuffle in their order until as many as must decrypt have
 * shuffled); then its partial decryption, unless enough trustees decrypted already.
 */
import type { SecretElectionParameters } from '@imago/governance';
import type { RoleMachinery } from './election-role';
import { owners, type SecretBallotReplay } from './election-state';
import { partialDecryptionStep, shuffleStep } from './election-steps';
import { readStored, writeStored } from './election-store';
import type { SecretBallotsReplay } from './replay-secret-ballots';
import { postStep, postTrusteeContribution } from './secret-ballot-actions';
import { dueContribution, type TrusteeSecret, trusteeDecryptionKey } from './trustee-key-establishment';

/**
 * @internal Takes the member's trustee step now due for a decision, if it is one of its trustees.
 *
 * @param role - the member's machinery.
 * @param roomId - the decisions room.
 * @param parameters - the decision's election parameters.
 * @param ballots - the room's elections and contributions.
 * @param election - the decision's election, once set up.
 */
export async function trusteeDuties(
  role: RoleMachinery,
  roomId: string,
  parameters: SecretElectionParameters,
  ballots: SecretBallotsReplay,
  election: SecretBallotReplay | undefined,
): Promise<void> {
  const { client, store, me, report, once } = role;
  const members = parameters.trustees.members;
  const index = members.indexOf(me);
  if (index < 0) return;
  const decision = parameters.decision;
  const contributions = ballots.contributions.get(decision) ?? new Map();
  const secretKey = `trustee/${roomId}/${decision}`;
  const secret = await readStored<TrusteeSecret>(store, secretKey);
  const at = { roomId, decision, ...(election ? { election: election.election } : {}) };
  if (election === undefined) {
    const due = dueContribution(parameters, me, contributions, secret);
    if (due === undefined) return;
    if (secret === undefined) await writeStored(store, secretKey, due.secret);
    if (
      await once(`${decision}:${due.contribution.step}`, () =>
        postTrusteeContribution(client, roomId, due.contribution),
      )
    )
      report({
        ...at,
        step: due.contribution.step,
        detail: `posted my ${due.contribution.step} as trustee ${index + 2}`,
      });
    return;
  }
  if (election.phase !== 'tallied' || secret === undefined) return;
  const owner = index + 2;
  const needed = parameters.trustees.threshold ?? members.length;
  if (!parameters.homomorphic && !election.steps.some((s) => s.type === 'EndShuffles')) {
    const shuffled = owners(election, 'Shuffle');
    // Member trustees shuffle in their order, until as many as must decrypt have shuffled.
    const mine =
      !shuffled.has(owner) && members.slice(0, index).every((_, i) => shuffled.has(i + 2)) && index < needed;
    if (
      mine &&
      (await once(`${election.election}:Shuffle`, () =>
        postStep(client, roomId, election.election, shuffleStep(election, owner)),
      ))
    )
      report({ ...at, step: 'Shuffle', detail: `shuffled as trustee ${owner}` });
    return;
  }
  const decrypted = owners(election, 'PartialDecryption');
  if (decrypted.has(owner) || members.filter((_, i) => decrypted.has(i + 2)).length >= needed) return;
  const key = trusteeDecryptionKey(parameters, me, contributions, secret);
  if (
    await once(`${election.election}:PartialDecryption`, () =>
      postStep(client, roomId, election.election, partialDecryptionStep(election, owner, key)),
    )
  )
    report({ ...at, step: 'PartialDecryption', detail: `decrypted as trustee ${owner}` });
}
