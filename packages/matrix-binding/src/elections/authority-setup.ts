/**
 * @module
 * The authority's Setup stage of a decision's election: once every member trustee's key is in the
 * room it prepares the election (`prepareElection`) and keeps it — its trustee key and the private
 * credentials — in its store before anything is posted, then posts the Setup naming the decision
 * and the trustees' accounts, and the delegation events its weights took into account. It says once what it waits for, and why a member's key establishment
 * cannot be used.
 */
import { GovernanceEventTypes, type SecretElectionParameters, weightsListKey } from '@imago/governance';
import { countedClose } from '../governance/counted-close';
import { sendGovernanceEvent } from '../governance/decision-actions';
import type { RoleMachinery } from './election-role';
import { type PreparedElection, prepareElection } from './election-setup';
import { writeStored } from './election-store';
import type { TrusteeContributions } from './replay-secret-ballots';
import { postStep } from './secret-ballot-actions';

/** Bytes of delegation ids a Setup carries inline, beside the election's data; more go in parts. */
const SETUP_DELEGATIONS_BUDGET = 8_000;

/**
 * @internal Prepares the election of an open decision (unless already prepared) and posts its Setup.
 *
 * @param role - the authority's machinery.
 * @param roomId - the decisions room.
 * @param parameters - the decision's election parameters.
 * @param contributions - the member trustees' key-establishment contributions to the decision.
 * @param stored - the election prepared before, if any.
 * @param delegations - the `delegate` events the weights took into account (@imago/governance
 *   `secretDelegationEvidence`): the Setup names them, a long list in parts sent before it.
 */
export async function setUpElection(
  role: RoleMachinery,
  roomId: string,
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  stored: PreparedElection | undefined,
  delegations: readonly string[] = [],
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
  const key = weightsListKey(id);
  const named = countedClose(key, { [key]: delegations }, SETUP_DELEGATIONS_BUDGET);
  if (
    await once(`Setup:${id}`, async () => {
      for (const part of named.parts)
        await sendGovernanceEvent(role.client, roomId, GovernanceEventTypes.counted, part);
      return postStep(role.client, roomId, ready.uuid, ready.setup, {
        timestamp: ready.timestamp,
        decision: id,
        trustees: ready.trustees,
        delegations: named.close.counted[key]!,
      });
    })
  )
    report({
      roomId,
      decision: id,
      election: ready.uuid,
      step: 'Setup',
      detail: `election set up: trustees ${ready.trustees.join(', ')}`,
    });
}
