/**
 * @module
 * An `Offer` of an `Agreement` that satisfies the primary intent of a group's proposal: rejected
 * at once when its terms do not fit what remains of the proposal, otherwise proposed to the group
 * as a decision of its control table, answered when it settles.
 */
import type { Offer } from '@fedify/fedify/vocab';
import { propose } from '@imago/matrix-binding';
import { parseAgreementOffer } from '../../mapping/agreement-offer';
import { proposalText, readIntentIri } from '../../mapping/proposal-document';
import { ActivitypubActionKinds } from '../../vocabulary/action-kinds';
import type { BridgeParts } from '../bridge-parts';
import { termsProblem } from '../decisions/remaining-proposal';
import { answer } from '../outbox/answer';
import { receivedTerms } from './received-terms';
import { remoteActor } from './remote-actor';

/**
 * Handles a verified `Offer`.
 *
 * @param parts - the bridge.
 * @param offer - the activity.
 * @param json - the activity as received (kept for the answer).
 * @returns when it is rejected, proposed or ignored.
 */
export async function receiveOffer(
  parts: BridgeParts,
  offer: Offer,
  json: Record<string, unknown>,
): Promise<void> {
  const { store, log } = parts;
  const terms = receivedTerms(log, parseAgreementOffer(json), offer.actorId, 'offer-ignored');
  if (terms === undefined) return;
  const intent = readIntentIri(terms.satisfies);
  const target = intent && parts.iris.proposalOf(intent.proposal);
  const record = target && (await store.proposal(target.handle, target.eventId));
  const group = target && (await store.group(target.handle));
  if (!record || !group || group.decisions === undefined) {
    log('warn', 'offer-unknown-proposal', { satisfies: terms.satisfies });
    return;
  }
  const actor = await remoteActor(parts, await offer.getActor(parts.context()), offer.actorId);
  if (actor === undefined) return;
  if ((await store.bridged(terms.offer)) !== undefined) return;
  const problem =
    intent?.role !== 'primary' || intent.index !== 0
      ? 'not-primary-intent'
      : await termsProblem(parts, record, group, terms.offer, terms.actor, terms.quantity);
  if (problem !== undefined) {
    await store.saveBridged(terms.offer, 'rejected');
    await answer(parts, group, actor, offer, false);
    log('info', 'offer-rejected', { handle: group.handle, offer: terms.offer, reason: problem });
    return;
  }
  const decision = await propose(parts.bot, group.decisions, {
    kind: ActivitypubActionKinds.agreement,
    title: `Agreement with ${terms.actor}: ${record.proposal.name ?? proposalText(record.proposal)[0]}`,
    action: {
      offer: terms.offer,
      actor: terms.actor,
      proposal: record.eventId,
      ...(terms.quantity
        ? {
            quantity: {
              hasUnit: terms.quantity.hasUnit,
              hasNumericalValue: String(terms.quantity.hasNumericalValue),
            },
          }
        : {}),
    },
  });
  await store.saveBridged(terms.offer, decision);
  await store.savePending({
    kind: 'agreement',
    handle: group.handle,
    decision,
    activity: json,
    actor,
    proposal: record.eventId,
    ...(terms.quantity ? { quantity: terms.quantity } : {}),
  });
  log('info', 'offer-proposed', { handle: group.handle, offer: terms.offer, decision });
}
