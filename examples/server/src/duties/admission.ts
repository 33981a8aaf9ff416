/**
 * @module
 * Admission on the group's behalf, for the groups whose authority the service is. A knock on the
 * group's space becomes an `admit-member` decision (proposed once per knock, unless a member
 * already proposed one); the control table's protocol decides it; once adopted, the service
 * invites the newcomer to the space and its rooms. An adopted `exclude-member` decision is
 * executed by removing the member from every room. Who counts in the group's decisions follows
 * the decisions, not the invitations: the service executes, the replay decides.
 */
import type { GovernanceState } from '@imago/governance';
import { admissionRequests, executeMemberships, groupRoom, proposeAdmission } from '@imago/matrix-binding';
import type { DutyContext } from './duty-context';

/** The knocks (event ids) the service has already answered with a proposal. */
export type AdmissionBook = Set<string>;

/**
 * Proposes admissions for new knocks and executes adopted admissions and exclusions.
 *
 * @param context - the duty context.
 * @param spaceId - the group's space.
 * @param state - the group's governance state (the decisions room's replay), if known yet.
 * @param proposed - the knocks already answered; updated.
 */
export async function runAdmissionDuty(
  context: DutyContext,
  spaceId: string,
  state: GovernanceState | undefined,
  proposed: AdmissionBook,
): Promise<void> {
  const group = context.groups.get(spaceId);
  const decisions = group && groupRoom(group, 'decisions');
  if (!group || !decisions || !state?.table) return;
  if (!state.authority.includes(context.client.getSafeUserId())) return;
  const name = group.profile?.name ?? spaceId;
  for (const { knock, decision } of admissionRequests(group, state)) {
    if (decision || proposed.has(knock.eventId)) continue;
    proposed.add(knock.eventId);
    const id = await proposeAdmission(context.client, decisions, knock.userId);
    context.log.info('admission', `${knock.userId} asks to join ${name}: proposed their admission`, {
      roomId: decisions,
      decision: id,
    });
  }
  const { done, failed } = await executeMemberships(context.client, group, state);
  for (const step of done) {
    context.log.info(
      'admission',
      `${step.action === 'invite' ? 'invited' : 'removed'} ${step.user} ${step.action === 'invite' ? 'to' : 'from'} ${step.roomId} of ${name}`,
      { roomId: step.roomId, decision: step.decision },
    );
  }
  for (const { step, error } of failed) {
    context.log.warn(
      'admission',
      `could not ${step.action} ${step.user} in ${step.roomId}: ${error.message}`,
      {
        roomId: step.roomId,
        decision: step.decision,
      },
    );
  }
}
