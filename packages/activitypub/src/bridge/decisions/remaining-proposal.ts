/**
 * @module
 * What remains of a published proposal after the agreements its group adopted, read from the
 * group's ledger room and decisions, and whether an offer's terms fit it.
 */
import { readAgreementRecords } from '@imago/matrix-binding';
import { acceptProposal, type Measure, type Proposal, ValueflowsError } from '@imago/valueflows';
import { ActivitypubActionKinds } from '../../vocabulary/action-kinds';
import type { BridgeParts } from '../bridge-parts';
import type { GroupRecord, ProposalRecord } from '../bridge-store';
import { readGroup, readRoomLog, replayDecisionsRoom } from '../matrix/group-rooms';

/**
 * What remains of a proposal after the agreements the group adopted (records whose decision is
 * an adopted agreement decision of this group).
 *
 * @param parts - the bridge.
 * @param record - the published proposal.
 * @param group - its group.
 * @returns the proposal with those agreements accepted, and the offers they came from.
 */
export async function remainingProposal(
  parts: BridgeParts,
  record: ProposalRecord,
  group: GroupRecord,
): Promise<{ proposal: Proposal; origins: Set<string> }> {
  let proposal = record.proposal;
  const origins = new Set<string>();
  if (group.decisions === undefined) return { proposal, origins };
  const replay = await replayDecisionsRoom(parts.bot, group.decisions);
  // A record is its sender's claim: only the bridge (which records what the group adopted) and
  // the group's authority keep the ledger; anyone else's record counts for nothing.
  const view = await readGroup(parts.bot, group.spaceId);
  const keepers = new Set([parts.options.botUserId, ...(view.authority?.authority ?? [])]);
  const log = await readRoomLog(parts.bot, record.roomId);
  for (const agreement of readAgreementRecords(log).records) {
    if (!keepers.has(agreement.sender)) continue;
    const decision = replay.state.decisions.get(agreement.decision);
    if (decision?.kind !== ActivitypubActionKinds.agreement || decision.status !== 'adopted') continue;
    if (replay.state.provisional.has(decision.id)) continue; // the authority's close may undo it
    if (agreement.agreement.proposal !== record.eventId || agreement.origin === undefined) continue;
    if (origins.has(agreement.origin)) continue;
    const action = decision.action as { offer?: unknown };
    if (action.offer !== agreement.origin) continue;
    const commitment = agreement.commitments[0];
    const quantity = commitment?.resourceQuantity ?? commitment?.effortQuantity;
    try {
      proposal = acceptProposal(proposal, {
        agreementId: agreement.agreement.id,
        counterparty: commitment?.receiver ?? agreement.origin,
        ...(quantity ? { quantity } : {}),
      }).proposal;
      origins.add(agreement.origin);
    } catch {
      // A record that no longer fits changes nothing.
    }
  }
  return { proposal, origins };
}

/**
 * Why an offer's terms do not fit what remains of a proposal.
 *
 * @param parts - the bridge.
 * @param record - the published proposal.
 * @param group - its group.
 * @param offer - the offer's IRI.
 * @param counterparty - the offering actor.
 * @param quantity - the quantity asked for, if any.
 * @returns the broken rule (or the error code), or `undefined` when the terms fit.
 */
export async function termsProblem(
  parts: BridgeParts,
  record: ProposalRecord,
  group: GroupRecord,
  offer: string,
  counterparty: string,
  quantity: Measure | undefined,
): Promise<string | undefined> {
  const { proposal } = await remainingProposal(parts, record, group);
  try {
    acceptProposal(proposal, { agreementId: offer, counterparty, ...(quantity ? { quantity } : {}) });
    return undefined;
  } catch (error) {
    if (ValueflowsError.isInstance(error)) return (error as { rule?: string }).rule ?? error.code;
    throw error;
  }
}
