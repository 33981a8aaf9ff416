/**
 * @module
 * The public vote on lending the spare cargo bike, with two delegations to the Atelier vélo
 * sub-group and a voter on the Paris server; and the Repair Café's ledger of equipment, with the
 * offer as a ValueFlows proposal.
 */
import {
  type MatrixClient,
  propose,
  publishProposal,
  recordEconomicEvent,
  setDelegations,
  vote,
} from '@imago/matrix-binding';
import type { Cast } from './cast';
import type { DemoGroups } from './groups';
import { followUntil } from './wait';

/**
 * Farid and Emma delegate their votes on offers to the Atelier vélo; Amélie proposes lending the
 * cargo bike; Amélie, Bruno, Chloé (Lyon) and David (Paris) vote.
 *
 * @param cast - the people.
 * @param groups - the groups.
 * @returns the offer's decision id.
 */
export async function playOfferVote(cast: Cast, groups: DemoGroups): Promise<string> {
  const decisions = groups.repair.rooms.decisions as string;
  await Promise.all(
    ['farid', 'emma'].map((key) =>
      setDelegations(cast.person(key).client, decisions, [
        { scope: { type: 'kind', kind: 'publish-offer' }, to: { group: groups.velo.spaceId } },
      ]),
    ),
  );
  const offer = await propose(cast.person('amelie').client, decisions, {
    kind: 'publish-offer',
    title: 'Lend our spare cargo bike to nearby groups?',
    action: {
      announcement: {
        kind: 'offer',
        title: 'Cargo bike to lend',
        body: 'A Bullitt cargo bike, free to borrow for a month; pick-up at the Croix-Rousse.',
      },
    },
  });
  // David votes once his server has the proposal, as someone reading the room would: a vote sent
  // before would come, in the room's order, before the decision it answers.
  await followUntil(
    cast.person('david').client,
    decisions,
    'the offer on the Paris server',
    (follower) => follower.events().some((e) => e.event_id === offer),
    120_000,
  );
  await Promise.all([
    vote(cast.person('amelie').client, decisions, offer, [1, 0]),
    vote(cast.person('bruno').client, decisions, offer, [0, 1]),
    vote(cast.person('chloe').client, decisions, offer, [1, 0]),
    vote(cast.person('david').client, decisions, offer, [1, 0]),
  ]);
  return offer;
}

/**
 * The Repair Café's equipment, in its decisions room, recorded by the service that acts for the
 * group (its authority: the control table lets no member spend or record for it alone), and the
 * offer as a ValueFlows proposal. The group is the ValueFlows agent: its space id.
 *
 * @param service - the Lyon service's client.
 * @param groups - the groups.
 */
export async function recordLedger(service: MatrixClient, groups: DemoGroups): Promise<void> {
  const decisions = groups.repair.rooms.decisions as string;
  const group = groups.repair.spaceId;
  const one = (n: number) => ({ hasNumericalValue: n, hasUnit: 'one' });
  await recordEconomicEvent(service, decisions, {
    action: 'raise',
    provider: group,
    receiver: group,
    resourceQuantity: one(1),
    newInventoriedResource: { id: 'cargo-bike', name: 'Cargo bike' },
  });
  await recordEconomicEvent(service, decisions, {
    action: 'raise',
    provider: group,
    receiver: group,
    resourceQuantity: one(3),
    newInventoriedResource: { id: 'soldering-station', name: 'Soldering station' },
  });
  await recordEconomicEvent(service, decisions, {
    action: 'lower',
    provider: group,
    receiver: group,
    resourceInventoriedAs: 'soldering-station',
    resourceQuantity: one(1),
    note: 'One station broke down.',
  });
  await publishProposal(service, decisions, {
    purpose: 'offer',
    name: 'Cargo bike to lend',
    proposer: group,
    unitBased: false,
    publishes: [
      {
        id: 'lend-cargo-bike',
        action: 'transferCustody',
        provider: group,
        resourceInventoriedAs: 'cargo-bike',
        resourceQuantity: one(1),
      },
    ],
    reciprocal: [],
  });
}
