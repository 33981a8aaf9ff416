/**
 * @module
 * The authority's Setup stage of a decision's election: once every member trustee's key is in the
 * room it prepares the election (`prepareElection`) and keeps it — its trustee key and the private
 * credentials — in its store before anything is posted, then posts the Setup naming the decision
 * and the trustees' accounts. It says once what it waits for, and why a member's key establishment
 * cannot be used.
 */
import type { SecretElectionParameters } from '@imago/governance';
import type { RoleMachinery } from './election-role';
import { type PreparedElection, prepareElection } from './election-setup';
import { writeStored } from './election-store';
import type { TrusteeContributions } from './replay-secret-ballots';
import { postStep } from './secret-ballot-actions';

/**
 * @internal Prepares the election of an open decision (unless already prepared) and posts its Setup.
 *
 * @param role - the authority's machinery.
 * @param roomId - the decisions room.
 * @param parameters - the decision's election parameters.
 * @param contributions - the member trustees' key-establishment contributions to the decision.
 * @param stored - the election prepared before, if any.
 */
export async function setUpElection(
  role: RoleMachinery,
  roomId: string,
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  stored: PreparedElection | undefined,
): Promise<void> {
  const { report, once, first } = role;
  const id = parameters.decision;
  let prepared = stored;
  if (prepared === undefined) {
    const made = prepareElection(parameters, contributions, role.me, role.now());
    if ('waiting' in made) {
      if (first(`waiting:${id}:${made.waiting.join(',')}`))
        report({
          roomId,
          decision: id,
          step: 'waiting',
          detail: `waiting for the keys of ${made.waiting.join(', ')}`,
        });
      return;
    }
    if ('invalid' in made) {
      report({
        roomId,
        decision: id,
        step: 'failed',
        detail: `${made.member ?? 'key establishment'}: ${made.invalid}`,
        level: 'warn',
      });
      return;
    }
    prepared = made;
    await writeStored(role.store, `authority/${roomId}/${id}/prepared`, prepared);
  }
  const ready = prepared;
  if (
    await once(`Setup:${id}`, () =>
      postStep(role.client, roomId, ready.uuid, ready.setup, {
        timestamp: ready.timestamp,
        decision: id,
        trustees: ready.trustees,
      }),
    )
  )
    report({
      roomId,
      decision: id,
      election: ready.uuid,
      step: 'Setup',
      detail: `election set up: trustees ${ready.trustees.join(', ')}`,
    });
}
