/**
 * @module
 * The authority's side of relayed ballots: ballots voters handed it by encrypted to-device message
 * (kept in its store as they came) are posted to the room while voting lasts, each once, after the
 * authority checked it against the election (so a voter cannot make it post garbage); one handed
 * over after voting ended, or already on the board, is dropped. The room then does not show who
 * voted.
 */
import { dataHash, verifyBallot } from '@imago/helios-c';
import type { RelayedBallot } from './election-messages';
import { electionCredentials, type RoleMachinery } from './election-role';
import type { SecretBallotReplay } from './election-state';
import { readStored } from './election-store';
import { castBallot } from './secret-ballot-actions';

/**
 * @internal Posts the relayed ballots of an election waiting in the store.
 *
 * @param role - the authority's machinery.
 * @param roomId - the decisions room.
 * @param election - the election, as replayed.
 */
export async function postRelayedBallots(
  role: RoleMachinery,
  roomId: string,
  election: SecretBallotReplay,
): Promise<void> {
  const { store, report, once } = role;
  const relayedActivity = (relayed: RelayedBallot, detail: string, level?: 'warn') =>
    report({
      roomId,
      decision: relayed.decision,
      election: election.election,
      step: 'relayed-ballot',
      detail,
      ...(level ? { level } : {}),
    });
  const usable = electionCredentials(election);
  const onBoard = new Set(election.steps.filter((s) => s.type === 'Ballot').map((s) => s.payload));
  for (const key of await store.list(`relay/${roomId}/`)) {
    const relayed = (await readStored<{ message: RelayedBallot }>(store, key))?.message;
    if (relayed === undefined || relayed.election !== election.election) continue;
    const hash = dataHash(relayed.ballot.replace(/\n$/, ''));
    if (onBoard.has(hash) || election.phase !== 'voting') {
      if (!onBoard.has(hash)) relayedActivity(relayed, 'a ballot handed over after voting ended', 'warn');
      await store.delete(key);
      continue;
    }
    if (!usable || !verifyBallot(usable.election, relayed.ballot, (c) => usable.known.has(c)).ok) {
      relayedActivity(relayed, 'a handed-over ballot does not verify: not posted', 'warn');
      await store.delete(key);
      continue;
    }
    if (
      await once(`ballot:${hash}`, () => castBallot(role.client, roomId, election.election, relayed.ballot))
    )
      relayedActivity(relayed, 'posted a ballot handed over by a voter');
  }
}
