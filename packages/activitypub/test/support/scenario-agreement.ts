/**
 * @module
 * The story's stage of agreement: the peer offers an Agreement, the group decides, the peer gets
 * Accept and the agreement is recorded in the ledger room; a member who is not the group's
 * authority records a forged agreement first (raw HTTP), and it counts for nothing.
 */
import {
  appendToRoomLog,
  emptyRoomLog,
  encodeDecimals,
  fetchRoomHistory,
  readAgreementRecords,
  sendGovernanceEvent,
} from '@imago/matrix-binding';
import { registerUser } from '@imago/matrix-binding/testing';
import { acceptProposal, readProposal } from '@imago/valueflows';
import { expect } from 'vitest';
import { ActivitypubActionKinds } from '../../src/index';
import { roomEvents, run } from './bridge-harness';
import { confirmByClose } from './bridged-group';
import type { Json } from './peer';
import type { PublishedOffer } from './scenario-offer';
import type { Story } from './scenario-publication';
import { eventually } from './services';

/** The peer offers an agreement on the group's offer; the group accepts it by decision. */
export async function agreeOnOffer(story: Story, published: PublishedOffer): Promise<void> {
  const { groupServer, bridge, peer, groupIri, inbox, name, ana, chat, decisions } = story;
  const { proposalIri, offerEvent, offerContent } = published;
  const bot = bridge.bridge.botUserId;
  // Offer(Agreement) → a decision of the group → Accept, and the agreement in the ledger room.
  const offer = {
    '@context': [
      'https://www.w3.org/ns/activitystreams',
      {
        vf: 'https://w3id.org/valueflows/ont/vf#',
        om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
        Agreement: 'vf:Agreement',
        Commitment: 'vf:Commitment',
        stipulates: 'vf:stipulates',
        satisfies: { '@id': 'vf:satisfies', '@type': '@id' },
        resourceQuantity: 'vf:resourceQuantity',
        hasUnit: 'om2:hasUnit',
        hasNumericalValue: 'om2:hasNumericalValue',
      },
    ],
    type: 'Offer',
    actor: peer.actor,
    object: {
      type: 'Agreement',
      stipulates: {
        type: 'Commitment',
        satisfies: `${proposalIri}#primary`,
        resourceQuantity: { hasUnit: 'one', hasNumericalValue: '1' },
      },
    },
    to: groupIri,
  };
  const offerId = await peer.publish(`offer-${name}-${run}`, offer);
  expect((await peer.send(inbox, { ...offer, id: offerId })).status).toBe(202);
  const agreementDecision = await eventually(
    'the agreement decision',
    async () =>
      (await roomEvents(ana, decisions)).find(
        (e) =>
          e.type === 'org.imago.governance.propose' &&
          (e.content as Json).kind === ActivitypubActionKinds.agreement &&
          ((e.content as Json).action as Json).offer === offerId,
      ),
    (e) => e !== undefined,
  );
  expect(await peer.inbox()).not.toContainEqual(
    expect.objectContaining({ type: 'Accept', object: expect.objectContaining({ id: offerId }) }),
  );
  // An attack on the ledger, in raw HTTP: a member who is not the group's authority records the
  // agreement first, naming the pending decision and the offer, with a counterparty of their own.
  const forger = await registerUser(groupServer, `forger-${name}-${run}`);
  const asForger = (path: string, method: string, body: unknown) =>
    fetch(`${groupServer.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${forger.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await asForger(`/join/${encodeURIComponent(chat)}`, 'POST', {})).status).toBe(200);
  const forgedTerms = acceptProposal(readProposal({ ...offerContent, id: offerEvent }, 'content'), {
    agreementId: offerId,
    counterparty: 'https://attacker.example/actor',
    quantity: { hasNumericalValue: 1, hasUnit: 'one' },
  });
  const forgedRecord = await asForger(
    `/rooms/${encodeURIComponent(chat)}/send/org.imago.vf.agreement/forged-${run}`,
    'PUT',
    encodeDecimals({
      agreement: forgedTerms.agreement,
      commitments: forgedTerms.commitments,
      decision: agreementDecision?.eventId,
      origin: offerId,
    }),
  );
  expect(forgedRecord.status).toBe(200);
  await sendGovernanceEvent(ana, decisions, 'org.imago.governance.approve', {
    decision: agreementDecision?.eventId,
  });
  await confirmByClose(ana, decisions, agreementDecision?.eventId as string);
  const acceptedOffer = await peer.waitFor(
    'Accept(Offer)',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(offerId),
  );
  expect(acceptedOffer.actor).toBe(groupIri);
  const ledger = appendToRoomLog(emptyRoomLog(chat), await fetchRoomHistory(ana, chat));
  const all = readAgreementRecords(ledger).records;
  // The forged record is in the room, and counted for nothing: the bridge recorded the agreement.
  expect(all.filter((r) => r.sender === forger.userId)).toHaveLength(1);
  const records = all.filter((r) => r.sender === bot);
  expect(records).toHaveLength(1);
  expect(records[0]?.decision).toBe(agreementDecision?.eventId);
  expect(records[0]?.agreement.proposal).toBe(offerEvent);
  expect(records[0]?.commitments[0]?.resourceQuantity).toEqual({ hasNumericalValue: 1, hasUnit: 'one' });
}
