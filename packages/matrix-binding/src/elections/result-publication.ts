/**
 * @module
 * The authority's last stage of a decision's election: once the decision has closed and the
 * `Result` is in the room, it verifies the archive exported from the room with @imago/helios-c,
 * checks that the election is the one the decision asked for, lets the application verify further
 * (e.g. `belenios-tool election verify`), and only then publishes
 * `org.imago.governance.secret.result` — once.
 */
import { GovernanceEventTypes, type SecretElectionParameters } from '@imago/governance';
import { sendGovernanceEvent } from '../governance/decision-actions';
import { logEvents, type RoomLog } from '../replay/room-log';
import { verifyElection } from './election-archive';
import { checkElectionOfDecision } from './election-of-decision';
import type { ActivityPlace, RoleMachinery } from './election-role';
import type { SecretBallotReplay } from './election-state';
import type { TrusteeContributions } from './replay-secret-ballots';
import { secretResultContent } from './secret-result';

/** @internal Whether this account already published the result of a decision in the room. */
export function resultPublished(log: RoomLog, decision: string, sender: string): boolean {
  return logEvents(log).some(
    (e) =>
      e.kind === 'governance' &&
      e.type === GovernanceEventTypes.secretResult &&
      e.sender === sender &&
      (e.content as { decision?: unknown }).decision === decision,
  );
}

/**
 * @internal Verifies a finished election and publishes its result.
 *
 * @param role - the authority's machinery.
 * @param at - the room, the decision and the election.
 * @param election - the finished election (phase `done`).
 * @param parameters - the decision's election parameters.
 * @param contributions - the member trustees' key-establishment contributions to the decision.
 * @param verify - the application's further verification of the archive; throwing stops the publication.
 */
export async function publishResult(
  role: RoleMachinery,
  at: ActivityPlace,
  election: SecretBallotReplay,
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  verify: (election: SecretBallotReplay) => Promise<void> | undefined,
): Promise<void> {
  const { report } = role;
  await role.once(`secret.result:${election.election}`, async () => {
    const verification = await verifyElection(election);
    const check = checkElectionOfDecision(election, parameters, contributions);
    const content = secretResultContent(election);
    if (!verification.ok || !check.ok || content === undefined) {
      const why = [...verification.issues.map((i) => i.check), ...check.issues.map((i) => i.detail)].join(
        '; ',
      );
      report({ ...at, step: 'failed', detail: `the election does not verify: ${why}`, level: 'warn' });
      return;
    }
    await verify(election);
    await sendGovernanceEvent(role.client, at.roomId, GovernanceEventTypes.secretResult, { ...content });
    report({
      ...at,
      step: 'secret.result',
      detail: `verified archive ${content.evidence}; result published`,
    });
  });
}
