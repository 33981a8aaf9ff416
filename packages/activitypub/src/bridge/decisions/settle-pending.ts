/**
 * @module
 * A decision the bridge proposed, once it has settled: a follower is added and answered `Accept`
 * (or answered `Reject`); an agreement is recorded in the proposal's room when it still fits what
 * remains of the proposal, and the offer answered `Accept` or `Reject`.
 */
import { Follow, Offer } from '@fedify/fedify/vocab';
import { recordAgreement } from '@imago/matrix-binding';
import { acceptProposal, ValueflowsError } from '@imago/valueflows';
import type { BridgeParts } from '../bridge-parts';
import type { GroupRecord, PendingDecision } from '../bridge-store';
import { answer } from '../outbox/answer';
import { remainingProposal } from './remaining-proposal';

/**
 * Answers a settled decision and forgets it.
 *
 * @param parts - the bridge.
 * @param group - the group that decided.
 * @param pending - the decision the bridge waited for.
 * @param adopted - whether the group adopted it.
 * @param decisionsRoom - the group's decisions room (for the log).
 * @returns when the answer is sent and the decision forgotten.
 */
export async function settlePending(
  parts: BridgeParts,
  group: GroupRecord,
  pending: PendingDecision,
  adopted: boolean,
  decisionsRoom: string,
): Promise<void> {
  const { store, log } = parts;
  const ctx = parts.context();
  if (pending.kind === 'follower') {
    const follow = await Follow.fromJsonLd(pending.activity, ctx);
    if (adopted) await store.addFollower(group.handle, pending.follower);
    await answer(parts, group, pending.follower, follow, adopted);
    await store.deletePending(pending.decision);
    log('info', adopted ? 'follow-accepted' : 'follow-rejected', {
      handle: group.handle,
      follower: pending.follower.id,
      decision: pending.decision,
    });
    return;
  }
  const offer = await Offer.fromJsonLd(pending.activity, ctx);
  const offerId = offer.id?.href ?? '';
  let accept = adopted;
  const record = await store.proposal(group.handle, pending.proposal);
  if (adopted && record !== undefined) {
    const { proposal, origins } = await remainingProposal(parts, record, group);
    if (!origins.has(offerId)) {
      try {
        const accepted = acceptProposal(proposal, {
          agreementId: offerId,
          counterparty: pending.actor.id,
          ...(pending.quantity ? { quantity: pending.quantity } : {}),
          created: new Date().toISOString(),
        });
        await recordAgreement(parts.bot, record.roomId, {
          agreement: accepted.agreement,
          commitments: accepted.commitments,
          decision: pending.decision,
          origin: offerId,
        });
      } catch (error) {
        if (!ValueflowsError.isInstance(error)) throw error;
        accept = false;
      }
    }
  } else if (record === undefined) {
    accept = false;
  }
  await answer(parts, group, pending.actor, offer, accept);
  await store.deletePending(pending.decision);
  log('info', accept ? 'offer-accepted' : 'offer-rejected', {
    handle: group.handle,
    offer: offerId,
    decision: pending.decision,
    room: decisionsRoom,
  });
}
