/**
 * @module
 * A voter's credentials for a decision's election. They come only Olm-encrypted
 * (`org.imago.helios.credential`), are kept in the store's inbox as they come, and are accepted
 * only once the room confirms them: sent by the group's pinned authority that set up the election,
 * for that election, and each one a credential of it (its public credential among the Setup's).
 * Anything else is refused and reported; a voter holds the credentials of one election per
 * decision.
 */
import type { GovernanceState } from '@imago/governance';
import { derivePublicCredential } from '@imago/helios-c';
import type { CredentialMessage } from './election-messages';
import { electionOfDecision } from './election-of-decision';
import { electionCredentials, type RoleMachinery } from './election-role';
import type { SecretBallotReplay } from './election-state';
import { type ElectionStore, readStored, writeStored } from './election-store';
import type { SecretBallotsReplay } from './replay-secret-ballots';

/** @internal The credentials a voter holds for a decision's election. */
export interface HeldCredentials {
  readonly election: string;
  readonly credentials: readonly string[];
}

/** @internal The credentials this client holds for a decision, whichever election they are of. */
export function heldCredentials(
  store: ElectionStore,
  roomId: string,
  decision: string,
): Promise<HeldCredentials | undefined> {
  return readStored<HeldCredentials>(store, `voter/${roomId}/${decision}/credentials`);
}

/** Whether a credential message is the election's administrator's, from the authority, of its credentials. */
function fromTheAuthority(
  state: GovernanceState,
  sender: string,
  message: CredentialMessage,
  election: SecretBallotReplay,
): boolean {
  const usable = electionCredentials(election);
  return (
    state.authority.includes(sender) &&
    sender === election.administrator &&
    message.election === election.election &&
    usable !== undefined &&
    message.credentials.length > 0 &&
    message.credentials.every((credential) => {
      try {
        const group = usable.election.group;
        return usable.known.has(group.toString(derivePublicCredential(group, election.election, credential)));
      } catch {
        return false;
      }
    })
  );
}

/**
 * @internal Credentials from the inbox that the room confirms: the pinned authority's, of its election.
 *
 * @param role - the member's machinery.
 * @param roomId - the decisions room.
 * @param state - the room's governance state.
 * @param ballots - the room's elections.
 */
export async function acceptCredentials(
  role: RoleMachinery,
  roomId: string,
  state: GovernanceState,
  ballots: SecretBallotsReplay,
): Promise<void> {
  const { store, report } = role;
  for (const key of await store.list(`inbox/${roomId}/`)) {
    const entry = await readStored<{ sender: string; message: CredentialMessage }>(store, key);
    if (entry === undefined) {
      await store.delete(key);
      continue;
    }
    const { sender, message } = entry;
    const election = electionOfDecision(ballots.elections, message.decision);
    if (election === undefined) continue; // the Setup has not come yet
    const valid = fromTheAuthority(state, sender, message, election);
    await store.delete(key);
    const at = { roomId, decision: message.decision, election: election.election };
    if (!valid) {
      report({
        ...at,
        step: 'credentials',
        detail: `credentials from ${sender} refused: not the election’s authority or not its credentials`,
        level: 'warn',
      });
      continue;
    }
    const held = await heldCredentials(store, roomId, message.decision);
    if (held?.election === election.election) continue;
    await writeStored(store, `voter/${roomId}/${message.decision}/credentials`, {
      election: election.election,
      credentials: message.credentials,
    });
    report({
      ...at,
      step: 'credentials',
      detail: `${message.credentials.length} credential(s) received from the authority`,
    });
  }
}
